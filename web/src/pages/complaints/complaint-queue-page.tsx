import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TComplaintSummary } from '../../../../src/contracts/complaints.ts';
import { complaintExportUrl, complaintsApi } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { type QueueFilters, queueFiltersFromParams, queueFiltersToParams } from './complaint-filters-url.ts';
import { dueColours, dueState, kindLabel, kindOptions } from './complaint-labels.ts';

const PAGE_SIZE = 20;
const itemKey = (c: TComplaintSummary) => c.id;
/** Cells carry their own background in antd, so the deadline colour goes on the cells of the row. */
const rowStyles = (['overdue', 'soon'] as const)
  .map((s) => `.complaint-due-${s} > td { background: ${dueColours[s]} !important; }`)
  .join('\n');

type FormValues = Pick<QueueFilters, 'kind' | 'status' | 'q'> & { flags?: string[] };

export function ComplaintQueuePage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const statusOptions = useStatusOptions('complaint');
  // Filters live in the query string: a link (the screen's 逾期, a copied address) opens the same list.
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const filters = useMemo(() => queueFiltersFromParams(new URLSearchParams(search)), [search]);
  const setFilters = (next: QueueFilters) => setParams(queueFiltersToParams(next));
  const { stationId, receivedFrom, receivedTo } = filters;
  const linked = { stationId, receivedFrom, receivedTo };

  const query = { ...filters, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => complaintsApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, itemKey, queryKeys.complaints.list(query));

  const columns = useMemo<TableColumnsType<TComplaintSummary>>(
    () => [
      {
        title: t('complaints.trackingCode'),
        dataIndex: 'trackingCode',
        render: (code: string, c) => <Link to={`/complaints/${c.id}`}>{code}</Link>,
      },
      { title: t('complaints.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
      {
        title: t('complaints.status'),
        dataIndex: 'status',
        render: (status: string) => <StatusTag workflow="complaint" status={status} />,
      },
      { title: t('complaints.receivedOn'), dataIndex: 'receivedOn' },
      // Masked by the server for everyone; the detail page reveals it with a reason.
      { title: t('complaints.person'), key: 'person', render: (_, c) => `${c.personName} ${c.personPhone}` },
      {
        title: t('complaints.business'),
        dataIndex: 'businessName',
        render: (name: string | null) => name ?? '—',
      },
      { title: t('complaints.station'), dataIndex: 'stationName' },
      {
        title: t('complaints.nextDue'),
        key: 'due',
        render: (_, c) => {
          const state = dueState(c.nextDueOn, c.overdue);
          return (
            <Space size={4}>
              <Typography.Text type={state === 'overdue' ? 'danger' : state === 'soon' ? 'warning' : undefined}>
                {c.nextDueOn ?? '—'}
              </Typography.Text>
              {state === 'overdue' && <Tag color="red">{t('complaints.overdueTag')}</Tag>}
              {c.escalationLevel > 0 && (
                <Tag color="volcano">
                  {c.escalationLevel > 1
                    ? t('complaints.escalatedLevel', { level: c.escalationLevel })
                    : t('complaints.escalated')}
                </Tag>
              )}
            </Space>
          );
        },
      },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('nav.complaints')} />
      <SearchForm<FormValues>
        key={search}
        initialValues={{
          kind: filters.kind,
          status: filters.status,
          q: filters.q,
          flags: [...(filters.mine ? ['mine'] : []), ...(filters.overdue ? ['overdue'] : [])],
        }}
        onSearch={({ flags = [], q, kind, status }) =>
          setFilters({
            ...linked,
            kind,
            status,
            q: q?.trim() || undefined,
            mine: flags.includes('mine') || undefined,
            overdue: flags.includes('overdue') || undefined,
          })
        }
        onReset={() => setFilters({})}
        data-testid="complaint-search-form"
      >
        <Form.Item name="q" label={t('complaints.keyword')}>
          <Input allowClear placeholder={t('complaints.searchPlaceholder')} data-testid="complaint-search" />
        </Form.Item>
        <Form.Item name="kind" label={t('complaints.kind')}>
          <Select allowClear options={kindOptions(t)} data-testid="complaint-filter-kind" />
        </Form.Item>
        <Form.Item name="status" label={t('complaints.status')}>
          <Select allowClear options={statusOptions} data-testid="complaint-filter-status" />
        </Form.Item>
        <Form.Item name="flags" label={t('complaints.filterScope')}>
          <Checkbox.Group
            options={[
              { value: 'mine', label: <span data-testid="complaint-filter-mine">{t('complaints.filterMine')}</span> },
              {
                value: 'overdue',
                label: <span data-testid="complaint-filter-overdue">{t('complaints.filterOverdue')}</span>,
              },
            ]}
          />
        </Form.Item>
      </SearchForm>
      {(stationId || receivedFrom || receivedTo) && (
        <Space style={{ marginBottom: 12 }} data-testid="complaint-linked-filters">
          {(receivedFrom || receivedTo) && (
            <Tag closable onClose={() => setFilters({ ...filters, receivedFrom: undefined, receivedTo: undefined })}>
              {t('complaints.filterReceived', { from: receivedFrom ?? '…', to: receivedTo ?? '…' })}
            </Tag>
          )}
          {stationId && (
            <Tag closable onClose={() => setFilters({ ...filters, stationId: undefined })}>
              {t('complaints.filterStationLinked')}
            </Tag>
          )}
        </Space>
      )}
      <style>{rowStyles}</style>
      <ListTable<TComplaintSummary>
        id="complaints"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        exportButton={
          <Button icon={<DownloadOutlined />} href={complaintExportUrl(query)} data-testid="complaint-export-xlsx">
            {t('common.exportXlsx')}
          </Button>
        }
        actions={
          can('complaint:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/complaints/new')}>
              {t('nav.complaintsNew')}
            </Button>
          )
        }
        rowClassName={(c) => `complaint-due-${dueState(c.nextDueOn, c.overdue)}`}
        data-testid="complaints-table"
      />
    </>
  );
}
