import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TAlertImportResult } from '../../../../../src/contracts/product-recalls.ts';
import { alertImportColumns } from '../../../../../src/domain/product-recall-workflow.ts';
import { ApiError, type FieldError } from '../../../api/errors.ts';
import { recallsApi } from '../../../api/product-recalls.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';

/** The file's header names are the import's contract (Chinese whatever the UI language; docs/PRODUCT-RECALLS.md). */
const columns = Object.values(alertImportColumns);

/** 导入风险通报: a CSV/XLSX of public product alerts; all rows or none, every bad row listed; then the matches. */
export function AlertsImportPage() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TAlertImportResult>();
  const [error, setError] = useState<{ detail: string; rows: FieldError[] }>();
  const batches = useAsync((signal) => recallsApi.batches({ signal }), ['product', 'alert-batches']);
  return (
    <>
      <PageHeader title={t('productAlerts.import.title')} />
      <Card>
        <Typography.Paragraph>
          {t('productAlerts.import.hint', { columns: columns.join(t('common.separator')) })}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            setBusy(true);
            setError(undefined);
            setResult(undefined);
            recallsApi
              .importAlerts(file)
              .then(
                (r) => {
                  setResult(r);
                  batches.reload();
                },
                (err: Error) =>
                  setError({
                    detail: err.message,
                    rows: err instanceof ApiError ? err.errors.filter((e) => e.path !== 'file') : [],
                  }),
              )
              .finally(() => setBusy(false));
            return false;
          }}
          data-testid="alerts-import"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('productAlerts.import.drop')}</p>
        </Upload.Dragger>
        {error && (
          <Alert type="error" message={error.detail} style={{ marginTop: 16 }} data-testid="alerts-import-error" />
        )}
        {error && error.rows.length > 0 && (
          <Table
            rowKey="path"
            size="small"
            pagination={false}
            dataSource={error.rows}
            data-testid="alerts-import-errors"
            columns={[{ title: t('productAlerts.import.problem'), dataIndex: 'message' }]}
          />
        )}
        {result && (
          <Alert
            type="success"
            style={{ marginTop: 16 }}
            data-testid="alerts-import-done"
            message={t('productAlerts.import.done', {
              alerts: result.alertCount,
              matches: result.matchCount,
              millis: result.millis,
            })}
            action={
              <Link to={`/product/alerts/matches?batchId=${result.id}`}>
                <Button size="small">{t('productAlerts.import.review')}</Button>
              </Link>
            }
          />
        )}
      </Card>
      <Card title={t('productAlerts.batches')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={batches.loading}
          dataSource={batches.data ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('productAlerts.batch.filename'), dataIndex: 'filename' },
            { title: t('productAlerts.batch.alerts'), dataIndex: 'alertCount' },
            {
              title: t('productAlerts.batch.matches'),
              dataIndex: 'matchCount',
              render: (n: number, b) => <Link to={`/product/alerts/matches?batchId=${b.id}`}>{n}</Link>,
            },
            {
              title: t('productAlerts.batch.createdAt'),
              dataIndex: 'createdAt',
              render: (s: string) => s.slice(0, 16),
            },
          ]}
        />
      </Card>
    </>
  );
}
