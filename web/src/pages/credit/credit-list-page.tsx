import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, InputNumber, Select, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { TBatch, TListing } from '../../../../src/contracts/credit.ts';
import { latestClosedReportYear } from '../../../../src/domain/credit-rules.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi, listingExportUrl } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { useStations } from '../entities/entity-refs.ts';
import { AnnualReportImport } from './annual-report-import.tsx';
import { BatchReview } from './batch-review.tsx';
import { batchKey, creditListLabel, groundLabel, listingKey } from './credit-labels.ts';
import { listingEntityColumns } from './listing-columns.tsx';

type List = 'abnormal' | 'serious';

/** The latest report year whose window (to 30 June next year) has closed. */
const closedYear = () => latestClosedReportYear(shanghaiToday());

/** 经营异常名录 / 严重违法失信名单: propose a batch, review and decide it, and the entities on the list. */
function CreditListPage({ list }: { list: List }) {
  const t = useT();
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
      message.success(t('credit.proposed', { count: b.itemCount }));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setProposing(false);
    }
  };
  const onChanged = (b: TBatch) => {
    setSelected(b);
    batches.replaceItem(b);
    listed.reload();
  };

  const batchColumns = useMemo<TableColumnsType<TBatch>>(
    () => [
      { title: t('credit.batch'), dataIndex: 'id', render: (id: number) => `#${id}` },
      { title: t('credit.ground'), key: 'ground', render: (_, b) => groundLabel(t, b) },
      { title: t('credit.year'), dataIndex: 'reportYear', render: (y: number | null) => y ?? '—' },
      { title: t('credit.itemCount'), dataIndex: 'itemCount' },
      {
        title: t('credit.status'),
        dataIndex: 'status',
        render: (s: string) => <StatusTag workflow="creditBatch" status={s} />,
      },
      { title: t('credit.decisionNo'), dataIndex: 'decisionNo', render: (v: string | null) => v ?? '—' },
      {
        title: '',
        key: 'a',
        render: (_, b) => (
          <Button size="small" onClick={() => setSelected(b)} data-testid={`batch-open-${b.id}`}>
            {b.status === 'proposed' ? t('credit.review') : t('credit.open')}
          </Button>
        ),
      },
    ],
    [t],
  );
  const listedColumns = useMemo<TableColumnsType<TListing>>(
    () => [
      ...listingEntityColumns(t),
      { title: t('credit.ground'), key: 'ground', render: (_, l) => groundLabel(t, l) },
      { title: t('credit.listedOn'), dataIndex: 'listedOn' },
      { title: t('credit.decisionNo'), dataIndex: 'decisionNo' },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={creditListLabel(t, list)} />
      {canWrite && list === 'abnormal' && <AnnualReportImport />}
      {canWrite && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="inline" style={{ rowGap: 8 }}>
            {list === 'abnormal' && (
              <Form.Item label={t('credit.proposeYear')}>
                <InputNumber
                  value={reportYear}
                  onChange={setReportYear}
                  min={2000}
                  max={2100}
                  data-testid="propose-year"
                />
              </Form.Item>
            )}
            <Form.Item label={t('credit.proposeStation')}>
              <Select
                allowClear
                placeholder={t('credit.allStations')}
                options={stations}
                value={stationId}
                onChange={setStationId}
                style={{ width: 200 }}
              />
            </Form.Item>
            <Button type="primary" loading={proposing} onClick={propose} data-testid="propose">
              {list === 'abnormal' ? t('credit.proposeAbnormal') : t('credit.proposeSerious')}
            </Button>
          </Form>
        </Card>
      )}
      <ListTable<TBatch>
        id={`credit-batches-${list}`}
        rowKey="id"
        columns={batchColumns}
        source={{ kind: 'keyset', list: batches }}
        actions={<strong>{t('credit.batches')}</strong>}
        rowClassName={(b) => (b.id === selected?.id ? 'ant-table-row-selected' : '')}
        data-testid="batches"
      />
      {selected && (
        <div style={{ marginTop: 16 }}>
          <BatchReview key={`${selected.id}-${selected.version}`} batch={selected} onChanged={onChanged} />
        </div>
      )}
      <Card title={t('credit.listedEntities', { list: creditListLabel(t, list) })} style={{ marginTop: 16 }}>
        <ListTable<TListing>
          id={`credit-listed-${list}`}
          rowKey="id"
          size="small"
          columns={listedColumns}
          source={{ kind: 'keyset', list: listed }}
          exportButton={
            <Button
              icon={<DownloadOutlined />}
              href={listingExportUrl({ list, status: 'listed' })}
              data-testid={`credit-listed-export-${list}`}
            >
              {t('common.exportXlsx')}
            </Button>
          }
        />
      </Card>
    </>
  );
}

export const AbnormalListPage = () => <CreditListPage list="abnormal" />;
export const SeriousListPage = () => <CreditListPage list="serious" />;
