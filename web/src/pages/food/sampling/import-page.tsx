import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TFoodImportResult } from '../../../../../src/contracts/food.ts';
import { resultImportColumns } from '../../../../../src/domain/food-sampling.ts';
import { samplingApi } from '../../../api/food-sampling.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';

/** The spreadsheet's header names are the import's contract (Chinese whatever the UI language). */
const columns = Object.values(resultImportColumns);

/** 导入检验结果: one row per 检验项目; all rows or none, with every bad row listed. */
export function SamplingImportPage() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TFoodImportResult>();
  const [error, setError] = useState<string>();
  return (
    <>
      <PageHeader title={t('foodSampling.import.title')} />
      <Card>
        <Typography.Paragraph>
          {t('foodSampling.import.hint', { columns: columns.join(t('common.separator')) })}
        </Typography.Paragraph>
        <Upload.Dragger
          accept=".xlsx"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            setBusy(true);
            setError(undefined);
            samplingApi
              .importResults(file)
              .then(setResult, (err: Error) => setError(err.message))
              .finally(() => setBusy(false));
            return false;
          }}
          data-testid="sampling-import"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p>{t('foodSampling.import.drop')}</p>
        </Upload.Dragger>
        {error && <Alert type="error" message={error} style={{ marginTop: 16 }} />}
        {result && result.errors.length === 0 && (
          <Alert type="success" message={t('food.import.done', { count: result.imported })} style={{ marginTop: 16 }} />
        )}
        {result && result.errors.length > 0 && (
          <>
            <Alert
              type="error"
              message={t('food.import.failed', { count: result.errors.length })}
              style={{ marginTop: 16 }}
            />
            <Table
              rowKey={(e) => `${e.row}-${e.column}`}
              size="small"
              pagination={false}
              dataSource={result.errors}
              data-testid="sampling-import-errors"
              columns={[
                { title: t('foodSampling.import.row'), dataIndex: 'row' },
                { title: t('foodSampling.import.column'), dataIndex: 'column' },
                { title: t('foodSampling.import.value'), dataIndex: 'value' },
                { title: t('foodSampling.import.reason'), dataIndex: 'reason' },
              ]}
            />
          </>
        )}
      </Card>
    </>
  );
}
