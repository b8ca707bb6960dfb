import { Badge, Card, Empty, List, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { inboxApi, type TInbox, type TInboxGroup, type TInboxItem } from '../../api/inbox.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';

const groups: TInboxGroup[] = ['overdue', 'dueToday', 'dueWeek', 'approvals'];
const ITEMS_PER_GROUP = 10;

/** What the step is: the module's own labels where it has them (12315 clocks, approval steps), else the inbox's. */
export function kindLabel(t: Translate, item: Pick<TInboxItem, 'module' | 'kind'>): string {
  if (item.module === 'complaints') return codeLabel(t, 'complaints.step', item.kind);
  if (item.module === 'cases' && item.kind.startsWith('approval.'))
    return codeLabel(t, 'cases.approvalStep', item.kind.slice('approval.'.length));
  return codeLabel(t, `inbox.kind.${item.module}`, item.kind);
}

const daysUntil = (today: string, dueOn: string) =>
  Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

const countText = (n: number, cap: number) => (n >= cap ? `${cap}+` : String(n));

function DueTag({ item, today }: { item: TInboxItem; today: string }) {
  const t = useT();
  if (!item.dueOn) return null;
  const days = daysUntil(today, item.dueOn);
  if (days < 0) return <Tag color="red">{t('inbox.overdueDays', { days: -days })}</Tag>;
  if (days === 0) return <Tag color="orange">{t('inbox.dueToday')}</Tag>;
  return <Tag color="gold">{t('inbox.dueOn', { date: item.dueOn.slice(5) })}</Tag>;
}

function InboxList({ inbox, group }: { inbox: TInbox; group: TInboxGroup }) {
  const t = useT();
  const items = inbox.groups[group];
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inbox.empty')} />;
  const more = inbox.counts[group] - items.length;
  return (
    <List
      size="small"
      dataSource={items}
      data-testid={`inbox-list-${group}`}
      footer={more > 0 ? <Typography.Text type="secondary">{t('inbox.more', { count: more })}</Typography.Text> : null}
      renderItem={(item) => (
        <List.Item key={`${item.module}:${item.kind}:${item.id}`} data-testid="inbox-item">
          <Space orientation="vertical" size={0} style={{ minWidth: 0, width: '100%' }}>
            <Space wrap size={4}>
              <Tag>{codeLabel(t, 'inbox.module', item.module)}</Tag>
              <Typography.Text strong>{kindLabel(t, item)}</Typography.Text>
              <DueTag item={item} today={inbox.today} />
              {item.escalated && <Tag color="volcano">{t('inbox.escalated')}</Tag>}
            </Space>
            <Link to={item.link} data-testid={`inbox-link-${item.module}-${item.id}`}>
              <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                {item.title}
              </Typography.Text>
            </Link>
            {item.unitName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.unitName}
              </Typography.Text>
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 我的待办: every module's steps falling due in the caller's scope, in four groups with their counts. */
export function InboxCard() {
  const t = useT();
  const { data, error, loading, reload } = useAsync(
    (signal) => inboxApi.inbox(ITEMS_PER_GROUP, { signal }),
    queryKeys.inbox.list(ITEMS_PER_GROUP),
  );
  const first = data ? (groups.find((g) => data.counts[g] > 0) ?? 'overdue') : 'overdue';
  return (
    <Card title={t('inbox.title')} size="small" data-testid="inbox-card">
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 4 }} />}
      {data && (
        <Tabs
          key={first}
          size="small"
          defaultActiveKey={first}
          items={groups.map((g) => ({
            key: g,
            label: (
              <span data-testid={`inbox-tab-${g}`}>
                {t(`inbox.group.${g}`)}{' '}
                <Badge
                  count={countText(data.counts[g], data.countCap)}
                  showZero
                  color={g === 'overdue' && data.counts[g] > 0 ? 'red' : g === 'dueToday' ? 'orange' : 'blue'}
                  data-testid={`inbox-count-${g}`}
                />
              </span>
            ),
            children: <InboxList inbox={data} group={g} />,
          }))}
        />
      )}
    </Card>
  );
}
