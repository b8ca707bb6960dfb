import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Radio, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { entityImportModes, type TEntityImportMode } from '../../../../src/contracts/entity-import.ts';
import { entitiesApi, entityLinks } from '../../api/entities.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { EntityImportResult, importFinished } from './entity-import-result.tsx';

const POLL_MS = 1000;

/** Download the template → upload the file → progress and result; the import itself runs as a background job that the page polls. */
export function EntityImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const me = useMe();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File>();
  const [mode, setMode] = useState<TEntityImportMode>('all');
  const [uploading, setUploading] = useState(false);
  const [jobId, setJobId] = useState<number>();
  // A hidden tab waits (no request) and reads the status again once it is shown; a finished import stops.
  const status = useQuery({
    queryKey: queryKeys.entities.importStatus(jobId ?? 0),
    queryFn: ({ signal }) => entitiesApi.importStatus(jobId ?? 0, { signal }),
    enabled: jobId !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && importFinished(query.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: false,
    retry: false,
  });
  const job = jobId === undefined ? undefined : status.data;
  const finished = job !== undefined && importFinished(job.status);
  const queryClient = useQueryClient();
  useEffect(() => {
    // The import changed the registry after the upload marked it stale: lists read since then are stale again.
    if (finished) void queryClient.invalidateQueries({ queryKey: queryKeys.entities.all });
  }, [finished, queryClient]);
  const failedAt = status.errorUpdatedAt;
  useEffect(() => {
    if (failedAt && status.error) message.error(errorDetail(t, status.error));
  }, [failedAt, status.error, message, t]);

  const start = async () => {
    if (!file) return;
    setUploading(true);
    try {
      const accepted = await entitiesApi.submitImport(file, mode, me.csrfToken);
      setJobId(accepted.jobId);
      setStep(2);
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setUploading(false);
    }
  };

  const restart = () => {
    setJobId(undefined);
    setFile(undefined);
    setStep(1);
  };

  const steps = [
    { title: t('entities.importStepTemplate') },
    { title: t('entities.importStepUpload') },
    { title: t('entities.importStepResult') },
  ];

  return (
    <>
      <PageHeader title={t('entities.import')} />
      <Card>
        <Steps current={step} items={steps} style={{ marginBottom: 24 }} />
        {step === 0 && (
          <Space orientation="vertical">
            <Typography.Paragraph>{t('entities.importTemplateHint')}</Typography.Paragraph>
            <Space>
              <Button
                icon={<DownloadOutlined />}
                href={entityLinks.template('xlsx')}
                data-testid="import-template-xlsx"
              >
                {t('entities.templateXlsx')}
              </Button>
              <Button icon={<DownloadOutlined />} href={entityLinks.template('csv')}>
                {t('entities.templateCsv')}
              </Button>
            </Space>
            <Button type="primary" onClick={() => setStep(1)} data-testid="import-next">
              {t('entities.next')}
            </Button>
          </Space>
        )}
        {step === 1 && (
          <Space orientation="vertical" style={{ width: '100%' }} size="large">
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(undefined)}
              fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('entities.importDrop')}</p>
            </Upload.Dragger>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} data-testid="import-mode">
              <Space orientation="vertical">
                <Radio value="all">{entityImportModes.all}</Radio>
                <Radio value="validOnly">{entityImportModes.validOnly}</Radio>
              </Space>
            </Radio.Group>
            <Space>
              <Button onClick={() => setStep(0)}>{t('entities.prev')}</Button>
              <Button type="primary" disabled={!file} loading={uploading} onClick={start} data-testid="import-start">
                {t('entities.importStart')}
              </Button>
            </Space>
          </Space>
        )}
        {step === 2 && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {job ? <EntityImportResult job={job} /> : <Typography.Text>{t('common.loading')}</Typography.Text>}
            {job && importFinished(job.status) && (
              <Space>
                <Button onClick={restart} data-testid="import-again">
                  {t('entities.importAgain')}
                </Button>
                <Button type="primary" onClick={() => navigate('/entities')}>
                  {t('entities.backToList')}
                </Button>
              </Space>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
