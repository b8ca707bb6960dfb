import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Radio, Space, Steps, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  entityImportModes,
  type TEntityImportMode,
  type TEntityImportStatus,
} from '../../../../src/contracts/entity-import.ts';
import { entitiesApi, entityLinks } from '../../api/entities.ts';
import { toApiError } from '../../api/errors.ts';
import { useMe } from '../../auth/auth-context.tsx';
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
  const [job, setJob] = useState<TEntityImportStatus>();
  const [jobId, setJobId] = useState<number>();

  useEffect(() => {
    if (jobId === undefined) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      // A hidden tab waits (no request) and reads the status again once it is shown.
      if (document.hidden) {
        timer = setTimeout(poll, POLL_MS);
        return;
      }
      try {
        const status = await entitiesApi.importStatus(jobId);
        if (stopped) return;
        setJob(status);
        if (importFinished(status.status)) return;
      } catch (err) {
        if (!stopped) message.error(toApiError(err).detail);
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId, message]);

  const start = async () => {
    if (!file) return;
    setUploading(true);
    try {
      const accepted = await entitiesApi.submitImport(file, mode, me.csrfToken);
      setJob(undefined);
      setJobId(accepted.jobId);
      setStep(2);
    } catch (err) {
      message.error(toApiError(err).detail);
    } finally {
      setUploading(false);
    }
  };

  const restart = () => {
    setJobId(undefined);
    setJob(undefined);
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
