import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TComplaintSummary } from '../../../../src/contracts/complaints.ts';
import { type ComplaintListQuery, complaintsApi } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { dueColours, dueState, kindLabel, kindOptions, statusOptions } from './complaint-labels.ts';

const PAGE_SIZE = 20;
const itemKey = (c: TComplaintSummary) => c.id;
/** Cells carry their own background in antd, so the deadline colour goes on the cells of the row. */
const rowStyles = (['overdue', 'soon'] as const)
  .map((s) => `.complaint-due-${s} > td { background: ${dueColours[s]} !important; }`)
  .join('\n');

export function ComplaintQueuePage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ComplaintListQuery['kind']>();
  const [status, setStatus] = useState<ComplaintListQuery['status']>();
  const [mine, setMine] = useState(false);
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');

  const query = { kind, status, mine, overdue, q: q || undefined, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => complaintsApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, itemKey, queryKeys.complaints.list(query));

  const columns: TableColumnsType<TComplaintSummary> = [
    {
      title: '查询码',
      dataIndex: 'trackingCode',
      render: (code: string, c) => <Link to={`/complaints/${c.id}`}>{code}</Link>,
    },
    { title: '类型', dataIndex: 'kind', render: (k: string) => kindLabel(k) },
    { title: '状态', dataIndex: 'statusLabel', render: (label: string) => <Tag>{label}</Tag> },
    { title: '登记日期', dataIndex: 'receivedOn' },
    // Masked by the server for everyone; the detail page reveals it with a reason.
    { title: '当事人', key: 'person', render: (_, c) => `${c.personName} ${c.personPhone}` },
    { title: '被投诉（举报）经营者', dataIndex: 'businessName', render: (name: string | null) => name ?? '—' },
    { title: '管辖所', dataIndex: 'stationName' },
    {
      title: '下一期限',
      key: 'due',
      render: (_, c) => {
        const state = dueState(c.nextDueOn, c.overdue);
        return (
          <Space size={4}>
            <Typography.Text type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : undefined}>
              {c.nextDueOn ?? '—'}
            </Typography.Text>
            {state === 'overdue' && <Tag color="red">超期</Tag>}
            {c.escalationLevel > 0 && (
              <Tag color="volcano">督办{c.escalationLevel > 1 ? ` ${c.escalationLevel}` : ''}</Tag>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.complaints')}
        extra={
          can('complaint:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>
              {t('nav.complaintsNew')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="类型"
          options={kindOptions}
          value={kind}
          onChange={setKind}
          style={{ width: 120 }}
          data-testid="complaint-filter-kind"
        />
        <Select
          allowClear
          placeholder="状态"
          options={statusOptions}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          data-testid="complaint-filter-status"
        />
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="complaint-filter-mine">
          我承办的
        </Checkbox>
        <Checkbox
          checked={overdue}
          onChange={(e) => setOverdue(e.target.checked)}
          data-testid="complaint-filter-overdue"
        >
          仅超期
        </Checkbox>
        <Input.Search
          allowClear
          placeholder="查询码、当事人、经营者"
          style={{ width: 260 }}
          onSearch={(value) => setQ(value.trim())}
          data-testid="complaint-search"
        />
      </Space>
      <style>{rowStyles}</style>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TComplaintSummary>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        rowClassName={(c) => `complaint-due-${dueState(c.nextDueOn, c.overdue)}`}
        data-testid="complaints-table"
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
    </>
  );
}
