import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TJob } from '../../../../src/contracts/jobs.ts';
import { creditApi, type TModelsView } from '../../api/credit.ts';
import { jobsApi } from '../../api/jobs.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';
import { JobProgress } from '../jobs/job-progress.tsx';
import { useJobPolling } from '../jobs/use-job-polling.ts';
import { ModelEditor } from './model-editor.tsx';
import { checkModel, type ModelFormValues, THRESHOLD_ORDER, toBody, toFormValues } from './model-form.ts';

type Model = TModelsView['models'][number];
type Mode = 'form' | 'json';

const asJson = (v: ModelFormValues) => JSON.stringify(toBody(v), null, 2);

/**
 * 信用风险分类模型: versions, a form for a new version (weights and thresholds, checked with the contract's zod
 * schema), the raw JSON as an advanced view, activation and the recompute job with progress.
 */
export function CreditModelPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('credit:write');
  const state = useAsync((signal) => creditApi.models({ signal }), queryKeys.credit.models());
  const [form] = Form.useForm<ModelFormValues>();
  const [mode, setMode] = useState<Mode>('form');
  const [text, setText] = useState('');
  const [jsonError, setJsonError] = useState<string>();
  const [loadedVersion, setLoadedVersion] = useState<number>();
  const [job, setJob] = useState<TJob>();
  const [busy, setBusy] = useState(false);
  useJobPolling(job ? [job] : [], (j) => {
    setJob(j);
    if (j.status === 'succeeded') state.reload();
  });

  const edit = useCallback(
    (m: Model) => {
      const values = toFormValues(m);
      form.setFieldsValue(values);
      setText(asJson(values));
      setJsonError(undefined);
      setLoadedVersion(m.version);
    },
    [form],
  );
  const active = state.data?.models.find((m) => m.active);
  useEffect(() => {
    if (active && loadedVersion === undefined) edit(active);
  }, [active, loadedVersion, edit]);

  /** JSON → form when leaving the advanced view; stays there while the JSON does not parse. */
  const switchMode = (next: Mode) => {
    if (next === 'json') {
      setText(asJson(form.getFieldsValue(true) as ModelFormValues));
      setMode('json');
      return;
    }
    try {
      form.setFieldsValue(toFormValues(JSON.parse(text)));
      setJsonError(undefined);
      setMode('form');
    } catch {
      setJsonError(t('credit.jsonInvalid'));
    }
  };

  const run = async (fn: () => Promise<{ jobId: number }>) => {
    setBusy(true);
    try {
      const { jobId } = await fn();
      setJob(await jobsApi.get(jobId));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    let body: unknown;
    if (mode === 'form') {
      try {
        body = toBody(await form.validateFields());
      } catch {
        return; // the fields show what is wrong
      }
    } else {
      try {
        body = JSON.parse(text);
      } catch {
        setJsonError(t('credit.jsonInvalid'));
        return;
      }
    }
    const checked = checkModel(body);
    if (!checked.ok) {
      const messages = checked.problems.map((p) =>
        p.message === THRESHOLD_ORDER ? t('credit.thresholdOrder') : p.message,
      );
      if (mode === 'form')
        form.setFields(
          checked.problems.map((p, i) => ({
            name: p.path as Parameters<typeof form.getFieldValue>[0],
            errors: [messages[i] as string],
          })),
        );
      setJsonError(messages.join(t('common.messageSeparator')));
      return;
    }
    try {
      const { version } = await creditApi.saveModel(checked.body);
      message.success(t('credit.modelSaved', { version }));
      setJsonError(undefined);
      state.reload();
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  const factName = (f: TModelsView['facts'][number]) => {
    const key = knownKey(`credit.fact.${f.fact}`);
    return key ? t(key) : f.label;
  };
  return (
    <>
      <PageHeader
        title={t('nav.creditModel')}
        extra={
          canWrite && (
            <Button loading={busy} onClick={() => run(creditApi.recompute)} data-testid="recompute">
              {t('credit.recomputeAll')}
            </Button>
          )
        }
      />
      {job && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="recompute-job">
          <Space>
            <span>{t('credit.recomputeJob', { id: job.id })}</span>
            <StatusTag workflow="job" status={job.status} />
            <JobProgress job={job} />
            {job.message && <Typography.Text type="secondary">{job.message}</Typography.Text>}
          </Space>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('credit.versions')} loading={!state.data}>
            <Table<Model>
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={state.data?.models}
              columns={[
                { title: t('credit.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
                { title: t('credit.modelName'), dataIndex: 'name' },
                {
                  title: t('credit.thresholdsBCD'),
                  key: 't',
                  render: (_, m) => `${m.thresholds.B} / ${m.thresholds.C} / ${m.thresholds.D}`,
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, m) => (
                    <Space>
                      {m.active ? (
                        <Tag color="green">{t('credit.modelActive')}</Tag>
                      ) : (
                        canWrite &&
                        m.createdAt && (
                          <Button size="small" onClick={() => run(() => creditApi.activate(m.version))}>
                            {t('credit.activate')}
                          </Button>
                        )
                      )}
                      <Button size="small" type="link" onClick={() => edit(m)} data-testid={`model-edit-${m.version}`}>
                        {t('credit.loadForEditing')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              {t('credit.facts')}
            </Typography.Paragraph>
            <ul style={{ marginTop: 0 }}>
              {state.data?.facts.map((f) => (
                <li key={f.fact}>
                  <Typography.Text code>{f.fact}</Typography.Text> {factName(f)} ·{' '}
                  {t(`credit.indicatorKind.${f.kind as 'flag' | 'count' | 'prefix'}`)}
                </li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t('credit.queued', { count: state.data?.queued ?? 0 })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t('credit.newVersion', { version: loadedVersion ?? '—' })}
            extra={
              canWrite && (
                <Button type="primary" onClick={save} data-testid="model-save">
                  {t('credit.saveAsNew')}
                </Button>
              )
            }
          >
            {jsonError && <Alert type="error" showIcon title={jsonError} style={{ marginBottom: 12 }} />}
            <Tabs
              activeKey={mode}
              onChange={(k) => switchMode(k as Mode)}
              items={[
                {
                  key: 'form',
                  label: t('credit.modelFormTab'),
                  children: <ModelEditor form={form} facts={state.data?.facts ?? []} />,
                },
                {
                  key: 'json',
                  label: t('credit.modelJsonTab'),
                  children: (
                    <Input.TextArea
                      value={text}
                      onChange={(e) => setText(e.target.value)}
                      autoSize={{ minRows: 20, maxRows: 40 }}
                      style={{ fontFamily: 'monospace' }}
                      data-testid="model-json"
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
