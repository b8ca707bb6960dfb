import { App, Button, Card, Col, Input, Row, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TJob } from '../../../../src/contracts/jobs.ts';
import { creditApi, type TModelsView } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';
import { jobsApi } from '../../api/jobs.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { JobProgress } from '../jobs/job-progress.tsx';
import { useJobPolling } from '../jobs/use-job-polling.ts';

type Model = TModelsView['models'][number];

const editable = (m: Model) =>
  JSON.stringify(
    { name: m.name, note: m.note ?? undefined, thresholds: m.thresholds, indicators: m.indicators },
    null,
    2,
  );

/** 信用风险分类模型: versions, a JSON editor for a new version, activation and the recompute job with progress. */
export function CreditModelPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('credit:write');
  const state = useAsync((signal) => creditApi.models({ signal }), queryKeys.credit.models());
  const [text, setText] = useState('');
  const [job, setJob] = useState<TJob>();
  const [busy, setBusy] = useState(false);
  useJobPolling(job ? [job] : [], (j) => {
    setJob(j);
    if (j.status === 'succeeded') state.reload();
  });
  const active = state.data?.models.find((m) => m.active);
  useEffect(() => {
    if (active && !text) setText(editable(active));
  }, [active, text]);

  const run = async (fn: () => Promise<{ jobId: number }>) => {
    setBusy(true);
    try {
      const { jobId } = await fn();
      setJob(await jobsApi.get(jobId));
    } catch (err) {
      message.error(toApiError(err).detail);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      message.error('模型不是合法的 JSON');
      return;
    }
    try {
      const { version } = await creditApi.saveModel(body as Parameters<typeof creditApi.saveModel>[0]);
      message.success(`已保存为 v${version}（尚未启用）`);
      state.reload();
    } catch (err) {
      message.error(toApiError(err).detail);
    }
  };

  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  return (
    <>
      <PageHeader
        title={t('nav.creditModel')}
        extra={
          canWrite && (
            <Button loading={busy} onClick={() => run(creditApi.recompute)} data-testid="recompute">
              全量重算
            </Button>
          )
        }
      />
      {job && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="recompute-job">
          <Space>
            <span>重算任务 #{job.id}</span>
            <Tag>{job.status}</Tag>
            <JobProgress job={job} />
            {job.message && <Typography.Text type="secondary">{job.message}</Typography.Text>}
          </Space>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title="版本" loading={!state.data}>
            <Table<Model>
              rowKey="version"
              size="small"
              pagination={false}
              dataSource={state.data?.models}
              columns={[
                { title: '版本', dataIndex: 'version', render: (v: number) => `v${v}` },
                { title: '名称', dataIndex: 'name' },
                {
                  title: '阈值 B/C/D',
                  key: 't',
                  render: (_, m) => `${m.thresholds.B} / ${m.thresholds.C} / ${m.thresholds.D}`,
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, m) => (
                    <Space>
                      {m.active ? (
                        <Tag color="green">启用中</Tag>
                      ) : (
                        canWrite &&
                        m.createdAt && (
                          <Button size="small" onClick={() => run(() => creditApi.activate(m.version))}>
                            启用并重算
                          </Button>
                        )
                      )}
                      <Button size="small" type="link" onClick={() => setText(editable(m))}>
                        载入编辑
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
              可用事实：{state.data?.facts.map((f) => `${f.fact}（${f.kind}，${f.label}）`).join('；')}。 待增量重算：
              {state.data?.queued ?? 0} 户。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title="编辑新版本（JSON）"
            extra={
              canWrite && (
                <Button type="primary" onClick={save}>
                  保存为新版本
                </Button>
              )
            }
          >
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 20, maxRows: 40 }}
              style={{ fontFamily: 'monospace' }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
