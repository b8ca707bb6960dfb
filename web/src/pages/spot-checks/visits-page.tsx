import { Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { visitStatusCodes, visitStatusLabel } from './spot-check-labels.ts';

/** Inspections and publication: my visits, results to enter, and the publication status with its 20-working-day deadline. */
export function VisitsPage() {
  const t = useT();
  const [status, setStatus] = useState<string>();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const fetchPage = useCallback(
    (cursor?: string) => spotChecksApi.visits({ status, mine, overdue, cursor, limit: 30 }),
    [status, mine, overdue],
  );
  const list = useKeysetList(fetchPage, (v: TVisitSummary) => v.id);
  return (
    <>
      <PageHeader title={t('spot.visits.title')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('spot.status')}
          style={{ width: 160 }}
          options={visitStatusCodes.map((value) => ({ value, label: visitStatusLabel(t, value) }))}
          value={status}
          onChange={setStatus}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          {t('spot.visits.mine')}
        </Checkbox>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          {t('spot.visits.overdue')}
        </Checkbox>
      </Space>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TVisitSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('spot.entity'),
            dataIndex: 'entityName',
            render: (n: string, v) => <Link to={`/spot-checks/visits/${v.id}`}>{n}</Link>,
          },
          { title: t('spot.station'), dataIndex: 'stationName' },
          {
            title: t('spot.inspectors'),
            key: 'i',
            render: (_, v) => v.inspectors.map((i) => i.name).join(t('spot.nameSep')),
          },
          {
            title: t('spot.status'),
            dataIndex: 'statusLabel',
            render: (s: string, v) => <Tag>{visitStatusLabel(t, v.status, s)}</Tag>,
          },
          {
            title: t('spot.visits.due'),
            key: 'due',
            render: (_, v) =>
              v.publishedAt ? (
                t('spot.visits.publishedOn', { date: v.publishedAt.slice(0, 10) })
              ) : v.publishDueOn ? (
                <Typography.Text type={v.overdue ? 'danger' : undefined}>
                  {v.publishDueOn}
                  {v.overdue && <Tag color="red">{t('spot.overdue')}</Tag>}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
    </>
  );
}
