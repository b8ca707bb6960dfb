import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TNotification } from '../../../src/contracts/notifications.ts';
import { notificationsApi } from '../api/notifications.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { codeLabel } from '../i18n/known-key.ts';
import { formatDateTime } from '../lib/format.ts';

/** How often the unread count is re-read while the tab is visible. */
const POLL_MS = 30_000;

const kindColors: Record<string, string> = {
  assigned: 'blue',
  returned: 'orange',
  overdue: 'red',
  'approval-needed': 'purple',
  'approval-decided': 'green',
  escalated: 'red',
  digest: 'default',
  alert: 'red',
};

/**
 * The header bell: the unread count, re-read every 30 s only while the tab is visible (the query client treats a
 * hidden tab as unfocused, so the interval pauses, and a tab shown again reads the count at once); the count route
 * is passive on the server, so the bell never keeps an idle session alive. Opening it lists the unread ones;
 * clicking one marks it read and opens its page.
 */
export function NotificationBell() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const count = useQuery({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: ({ signal }) => notificationsApi.unreadCount({ signal }),
    staleTime: 10_000,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });
  const list = useQuery({
    queryKey: queryKeys.notifications.bell(),
    queryFn: ({ signal }) => notificationsApi.list({ unread: 'true', limit: 10 }, { signal }),
    enabled: open,
    staleTime: 0,
  });
  const unread = count.data?.unread ?? 0;

  const openOne = async (n: TNotification) => {
    setOpen(false);
    // A failed mark leaves the item unread; the page still opens.
    await notificationsApi.markRead(n.id).catch(() => undefined);
    if (n.link) void navigate(n.link);
  };
  const markAll = async () => {
    // The write marks the notifications' reads stale (api/query-keys.ts), so the count and list refetch.
    await notificationsApi.markAllRead().catch(() => undefined);
  };

  const content = (
    <div style={{ width: 340, maxWidth: '80vw' }} data-testid="notification-list">
      {list.isPending ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : !list.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={list.data.items}
          style={{ maxHeight: 360, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => void openOne(n)}
              style={{ cursor: 'pointer' }}
              data-testid="notification-item"
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="center">
                    <Tag color={kindColors[n.kind] ?? 'default'}>{codeLabel(t, 'notifications.kind', n.kind)}</Tag>
                    <Typography.Text ellipsis={{ tooltip: n.title }}>{n.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    {n.body && (
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                        {n.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt, lang)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <Flex justify="space-between" style={{ marginTop: 8 }}>
        <Button
          size="small"
          type="link"
          onClick={() => {
            setOpen(false);
            void navigate('/notifications');
          }}
        >
          {t('notifications.viewAll')}
        </Button>
        <Button
          size="small"
          type="link"
          disabled={!unread}
          onClick={() => void markAll()}
          data-testid="notification-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('notifications.title')}
      content={content}
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
    >
      <Button type="text" aria-label={t('notifications.bell', { n: unread })} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
