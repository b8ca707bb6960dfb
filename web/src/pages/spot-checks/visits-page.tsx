import { Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi, type VisitQuery } from '../../api/spot-checks.ts';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

const statusOptions = [
  { value: 'assigned', label: '待检查' },
  { value: 'inspected', label: '已检查待公示' },
  { value: 'published', label: '已公示' },
];

/** 检查与公示: my visits, results to enter, and the publication status with its 20-working-day deadline. */
export function VisitsPage() {
  const [status, setStatus] = useState<VisitQuery['status']>();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const query = { status, mine, overdue, limit: 30 };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => spotChecksApi.visits({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, (v: TVisitSummary) => v.id, queryKeys.spotChecks.visits(query));
  return (
    <>
      <PageHeader title="检查与公示" />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 160 }}
          options={statusOptions}
          value={status}
          onChange={setStatus}
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)}>
          只看派给我的
        </Checkbox>
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
          公示超期
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
            title: '市场主体',
            dataIndex: 'entityName',
            render: (n: string, v) => <Link to={`/spot-checks/visits/${v.id}`}>{n}</Link>,
          },
          { title: '管辖所', dataIndex: 'stationName' },
          { title: '检查人员', key: 'i', render: (_, v) => v.inspectors.map((i) => i.name).join('、') },
          { title: '状态', dataIndex: 'statusLabel', render: (s: string) => <Tag>{s}</Tag> },
          {
            title: '公示期限',
            key: 'due',
            render: (_, v) =>
              v.publishedAt ? (
                `已于 ${v.publishedAt.slice(0, 10)} 公示`
              ) : v.publishDueOn ? (
                <Typography.Text type={v.overdue ? 'danger' : undefined}>
                  {v.publishDueOn}
                  {v.overdue && <Tag color="red">超期</Tag>}
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
