import { Button, Switch, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TNotification } from '../../../../src/contracts/notifications.ts';
import { notificationsApi } from '../../api/notifications.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

const PAGE_SIZE = 50;
const notificationKey = (n: TNotification) => n.id;

/** 消息通知: every notification of mine, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = { unread: unreadOnly ? ('true' as const) : undefined, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => notificationsApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, notificationKey, queryKeys.notifications.list(query));

  const open = async (n: TNotification) => {
    if (!n.readAt) {
      const read = await notificationsApi.markRead(n.id).catch(() => undefined);
      if (read) list.replaceItem(read);
    }
    if (n.link) void navigate(n.link);
  };

  const columns: TableColumnsType<TNotification> = [
    {
      title: t('notifications.title'),
      key: 'title',
      render: (_, n) => (
        <>
          <Tag>{codeLabel(t, 'notifications.kind', n.kind)}</Tag>
          <Typography.Link strong={!n.readAt} onClick={() => void open(n)}>
            {n.title}
          </Typography.Link>
          {n.body && (
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {n.body}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('notifications.unread'),
      key: 'read',
      width: 90,
      render: (_, n) => (n.readAt ? '' : <Tag color="red">{t('notifications.unread')}</Tag>),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (at: string) => formatDateTime(at, lang),
    },
  ];

  return (
    <>
      <PageHeader title={t('notifications.title')} />
      <ListTable<TNotification>
        id="notifications"
        rowKey="id"
        size="small"
        columns={columns}
        source={{ kind: 'keyset', list }}
        actions={[
          <Switch
            key="unread"
            checked={unreadOnly}
            onChange={setUnreadOnly}
            checkedChildren={t('notifications.unreadOnly')}
            unCheckedChildren={t('notifications.unreadOnly')}
          />,
          <Button key="all" onClick={() => void notificationsApi.markAllRead()} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>,
        ]}
        data-testid="notifications-table"
      />
    </>
  );
}
