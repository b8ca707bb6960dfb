import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, type TableColumnsType, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TProductSample } from '../../../../src/contracts/product-quality.ts';
import { productSampleStatuses } from '../../../../src/domain/product-sampling-workflow.ts';
import { productApi, type TProductSampleQuery } from '../../api/product-quality.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { conclusionTag as sharedConclusionTag } from '../../components/sampling/sample-parts.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

export const conclusionTag = (t: ReturnType<typeof useT>, c: string | null) => sharedConclusionTag(t, 'product', c);

type Filters = { q?: string; status?: TProductSampleQuery['status'] };

/** 监督抽查样品: newest first by keyset, filters, the XLSX export of the same list, the lab result import. */
export function ProductSamplesPage() {
  const t = useT();
  const canWrite = useAuth().can('product:write');
  const [filters, setFilters] = useState<Filters>({});
  const [note, setNote] = useState<string>();
  const query: Omit<TProductSampleQuery, 'cursor'> = { q: filters.q || undefined, status: filters.status };
  const list = useKeysetList(
    (cursor, signal) => productApi.samples({ ...query, cursor }, { signal }),
    (s) => s.id,
    ['product', 'samples', query],
  );
  const importResults = (file: File) => {
    productApi.importResults(file).then(
      (r) => {
        setNote(
          r.errors.length
            ? r.errors
                .map((e) => t('product.import.rowError', { row: e.row, column: e.column, reason: e.reason }))
                .join(' ')
            : t('product.import.done', { n: r.imported }),
        );
        list.reload();
      },
      (err: Error) => setNote(err.message),
    );
    return false;
  };
  const columns = useMemo<TableColumnsType<TProductSample>>(
    () => [
      {
        title: t('product.sampleNo'),
        dataIndex: 'sampleNo',
        render: (no: string, r) => <Link to={`/product/samples/${r.id}`}>{no}</Link>,
      },
      { title: t('product.entity'), dataIndex: 'entityName' },
      { title: t('product.category'), dataIndex: 'categoryName' },
      { title: t('product.productName'), dataIndex: 'productName' },
      { title: t('product.station'), dataIndex: 'stationName' },
      { title: t('product.sampledOn'), dataIndex: 'sampledOn' },
      {
        title: t('product.status'),
        dataIndex: 'status',
        render: (s: string) => t(`product.status.${s}` as MessageKey),
      },
      {
        title: t('product.conclusion'),
        dataIndex: 'conclusion',
        render: (_, r) => conclusionTag(t, r.retestConclusion ?? r.conclusion),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('nav.productSamples')}
        extra={
          canWrite && (
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={importResults}>
              <Button data-testid="product-import">{t('product.import.button')}</Button>
            </Upload>
          )
        }
      />
      {note && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="product-import-result">
          {note}
        </Card>
      )}
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="product-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('product.search')} />
        </Form.Item>
        <Form.Item name="status" label={t('product.status')}>
          <Select
            allowClear
            options={productSampleStatuses.map((s) => ({ value: s, label: t(`product.status.${s}` as MessageKey) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TProductSample>
        id="product-samples"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="product-samples"
        exportButton={
          <Button icon={<DownloadOutlined />} href={productApi.exportUrl(query)} data-testid="product-export">
            {t('product.export')}
          </Button>
        }
      />
    </>
  );
}
