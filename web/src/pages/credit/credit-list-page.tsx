import { App, Button, Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TBatch, TListing } from '../../../../src/contracts/credit.ts';
import { latestClosedReportYear } from '../../../../src/domain/credit-rules.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { useStations } from '../entities/entity-refs.ts';
import { AnnualReportImport } from './annual-report-import.tsx';
import { BatchReview } from './batch-review.tsx';
import { batchKey, creditListLabels, listingKey, statusLabels } from './credit-labels.ts';
import { listingEntityColumns } from './listing-columns.tsx';

type List = 'abnormal' | 'serious';

/** The latest report year whose window (to 30 June next year) has closed. */
const closedYear = () => latestClosedReportYear(shanghaiToday());

/** 经营异常名录 / 严重违法失信名单: propose a batch, review and decide it, and the entities on the list. */
function CreditListPage({ list }: { list: List }) {
  const { message } = App.useApp();
  const canWrite = useAuth().can('credit:write');
  const stations = useStations();
  const [reportYear, setReportYear] = useState<number | null>(closedYear());
  const [stationId, setStationId] = useState<number>();
  const [selected, setSelected] = useState<TBatch>();
  const [proposing, setProposing] = useState(false);
  const batches = useKeysetList(
    (cursor?: string, signal?: AbortSignal) => creditApi.batches({ list, cursor }, { signal }),
    batchKey,
    queryKeys.credit.batches({ list }),
  );
  const listed = useKeysetList(
    (cursor?: string, signal?: AbortSignal) => creditApi.listings({ list, status: 'listed', cursor }, { signal }),
    listingKey,
    queryKeys.credit.listings({ list, status: 'listed' }),
  );

  const propose = async () => {
    setProposing(true);
    try {
      const b = await creditApi.propose({
        list,
        reportYear: list === 'abnormal' ? (reportYear ?? undefined) : undefined,
        stationId,
      });
      batches.upsertItem(b);
      setSelected(b);
      message.success(`已生成拟列入批次，共 ${b.itemCount} 户`);
    } catch (err) {
      message.error(toApiError(err).detail);
    } finally {
      setProposing(false);
    }
  };
  const onChanged = (b: TBatch) => {
    setSelected(b);
    batches.replaceItem(b);
    listed.reload();
  };

  return (
    <>
      <PageHeader title={creditListLabels[list]} />
      {canWrite && list === 'abnormal' && <AnnualReportImport />}
      {canWrite && (
        <Card style={{ marginBottom: 16 }}>
          <Form layout="inline">
            {list === 'abnormal' && (
              <Form.Item label="未报年度">
                <InputNumber
                  value={reportYear}
                  onChange={setReportYear}
                  min={2000}
                  max={2100}
                  data-testid="propose-year"
                />
              </Form.Item>
            )}
            <Form.Item label="监管所">
              <Select
                allowClear
                placeholder="全部（本单位范围）"
                options={stations}
                value={stationId}
                onChange={setStationId}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Button type="primary" loading={proposing} onClick={propose} data-testid="propose">
              {list === 'abnormal' ? '对未报年报的主体生成拟列入批次' : '对列入经营异常名录满3年的主体生成拟列入批次'}
            </Button>
          </Form>
        </Card>
      )}
      {batches.error && <LoadError error={batches.error} onRetry={batches.reload} />}
      <Table<TBatch>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={batches.items}
        loading={batches.loading}
        rowClassName={(b) => (b.id === selected?.id ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '批次', dataIndex: 'id', render: (id: number) => `#${id}` },
          { title: '事由', dataIndex: 'groundLabel' },
          { title: '年度', dataIndex: 'reportYear', render: (y: number | null) => y ?? '—' },
          { title: '户数', dataIndex: 'itemCount' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{statusLabels[s] ?? s}</Tag> },
          { title: '决定书文号', dataIndex: 'decisionNo', render: (v: string | null) => v ?? '—' },
          {
            title: '',
            key: 'a',
            render: (_, b) => (
              <Button size="small" onClick={() => setSelected(b)} data-testid={`batch-open-${b.id}`}>
                {b.status === 'proposed' ? '审核' : '查看'}
              </Button>
            ),
          },
        ]}
        data-testid="batches"
      />
      <LoadMore
        hasMore={batches.hasMore}
        loading={batches.loading}
        count={batches.items.length}
        onLoadMore={batches.loadMore}
      />
      {selected && (
        <div style={{ marginTop: 16 }}>
          <BatchReview key={`${selected.id}-${selected.version}`} batch={selected} onChanged={onChanged} />
        </div>
      )}
      <Card title={`列入${creditListLabels[list]}的主体`} style={{ marginTop: 16 }}>
        <Table<TListing>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={listed.items}
          loading={listed.loading}
          columns={[
            ...listingEntityColumns,
            { title: '事由', dataIndex: 'groundLabel' },
            { title: '列入日期', dataIndex: 'listedOn' },
            { title: '文号', dataIndex: 'decisionNo' },
          ]}
        />
        <Space>
          <LoadMore
            hasMore={listed.hasMore}
            loading={listed.loading}
            count={listed.items.length}
            onLoadMore={listed.loadMore}
          />
        </Space>
      </Card>
    </>
  );
}

export const AbnormalListPage = () => <CreditListPage list="abnormal" />;
export const SeriousListPage = () => <CreditListPage list="serious" />;
