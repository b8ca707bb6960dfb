import { Button, Card, Input, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TProductSample } from '../../../../src/contracts/product-quality.ts';
import { productSampleStatuses } from '../../../../src/domain/product-sampling-workflow.ts';
import { productApi } from '../../api/product-quality.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';

export const conclusionTag = (t: ReturnType<typeof useT>, c: string | null) =>
  c ? <Tag color={c === 'pass' ? 'green' : 'red'}>{t(`product.conclusion.${c}` as MessageKey)}</Tag> : '—';

/** 监督抽查样品: newest first, filters, the lab result import (XLSX or CSV, all rows or none). */
export function ProductSamplesPage() {
  const t = useT();
  const canWrite = useAuth().can('product:write');
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [note, setNote] = useState<string>();
  const query = { q: q || undefined, status: status as never };
  const state = useAsync((signal) => productApi.samples(query, { signal }), ['product', 'samples', query]);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  return (
    <>
      <PageHeader
        title={t('nav.productSamples')}
        extra={
          canWrite && (
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                productApi.importResults(file).then(
                  (r) => {
                    setNote(
                      r.errors.length
                        ? r.errors
                            .map((e) =>
                              t('product.import.rowError', { row: e.row, column: e.column, reason: e.reason }),
                            )
                            .join(' ')
                        : t('product.import.done', { n: r.imported }),
                    );
                    state.reload();
                  },
                  (err: Error) => setNote(err.message),
                );
                return false;
              }}
            >
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
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('product.search')} onSearch={setQ} style={{ width: 220 }} />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('product.status')}
          onChange={setStatus}
          options={productSampleStatuses.map((s) => ({ value: s, label: t(`product.status.${s}` as MessageKey) }))}
        />
      </Space>
      <Table<TProductSample>
        rowKey="id"
        size="small"
        loading={!state.data}
        dataSource={state.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="product-samples"
        columns={[
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
          { title: t('product.conclusion'), render: (_, r) => conclusionTag(t, r.retestConclusion ?? r.conclusion) },
        ]}
      />
    </>
  );
}
