import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import type { TEntityImportError, TEntityImportStatus } from '../../../../src/contracts/entity-import.ts';
import { entityLinks } from '../../api/entities.ts';
import { useT } from '../../i18n/i18n-context.tsx';

const finished = (s: TEntityImportStatus['status']) => s === 'succeeded' || s === 'failed' || s === 'cancelled';

export { finished as importFinished };

/** Step 3: progress while the job runs, then the counts and the per-row errors. */
export function EntityImportResult({ job }: { job: TEntityImportStatus }) {
  const t = useT();
  const percent = job.progressTotal ? Math.round((job.progressDone / job.progressTotal) * 100) : undefined;
  if (!finished(job.status)) {
    return (
      <div data-testid="import-progress">
        <Progress percent={percent ?? 0} status="active" />
        <Typography.Text type="secondary">
          {job.status === 'queued' ? t('entities.importQueued') : (job.message ?? t('entities.importRunning'))}
        </Typography.Text>
      </div>
    );
  }
  if (job.status !== 'succeeded' || !job.result) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('entities.importFailed')}
        description={job.error ?? job.message}
        data-testid="import-failed"
      />
    );
  }
  const r = job.result;
  const nothingImported = r.imported === 0 && r.invalid > 0;
  const columns = [
    { title: t('entities.importRow'), dataIndex: 'row', width: 80, render: (row: number) => (row === 0 ? '—' : row) },
    { title: t('entities.importColumn'), dataIndex: 'column', width: 160 },
    { title: t('entities.importValue'), dataIndex: 'value', width: 220, render: (v?: string) => v ?? '' },
    { title: t('entities.importReason'), dataIndex: 'reason' },
  ];
  return (
    <div data-testid="import-result">
      <Alert
        type={nothingImported ? 'error' : r.invalid > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={nothingImported ? t('entities.importNothing') : t('entities.importDone', { imported: r.imported })}
        data-testid="import-summary"
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Statistic title={t('entities.importTotal')} value={r.total} />
        </Col>
        <Col span={6}>
          <Statistic title={t('entities.importValid')} value={r.valid} />
        </Col>
        <Col span={6}>
          <Statistic title={t('entities.importInvalid')} value={r.invalid} />
        </Col>
        <Col span={6}>
          <Statistic title={t('entities.importImported')} value={r.imported} />
        </Col>
      </Row>
      {r.ignoredColumns.length > 0 && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('entities.importIgnored', { columns: r.ignoredColumns.join(t('entities.nameSep')) })}
        />
      )}
      {r.errorCount > 0 && (
        <>
          <Button
            icon={<DownloadOutlined />}
            href={entityLinks.importErrors(job.jobId)}
            style={{ marginBottom: 12 }}
            data-testid="import-error-report"
          >
            {t('entities.importErrorReport')}
          </Button>
          {r.errorCount > r.errors.length && (
            <Typography.Paragraph type="secondary">
              {t('entities.importErrorsTruncated', { shown: r.errors.length, total: r.errorCount })}
            </Typography.Paragraph>
          )}
          <Table<TEntityImportError>
            rowKey={(e) => `${e.row}:${e.column}:${e.reason}`}
            columns={columns}
            dataSource={r.errors}
            size="small"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="import-errors"
          />
        </>
      )}
    </div>
  );
}
