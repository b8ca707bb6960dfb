import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Timeline,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { TRecallDetail } from '../../../../../src/contracts/product-recalls.ts';
import { recallsApi } from '../../../api/product-recalls.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { type ChartOption, EChart } from '../../../components/echart.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { recallStatusTag, recoveredBar } from './recall-labels.tsx';

type Step = 'reports' | 'complete';

/** One recall: the plan, the progress chart (recovered vs recalled), the reports with attachments, the trail. */
export function RecallPage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('product:write');
  const { message } = App.useApp();
  const state = useAsync((signal) => recallsApi.recall(id, { signal }), ['product', 'recall', id]);
  const [step, setStep] = useState<Step>();
  const r = state.data;
  const option = useMemo<ChartOption | null>(() => {
    if (!r) return null;
    let total = 0;
    const points = r.reports.map((p) => {
      total += p.quantityRecovered;
      return [p.reportedOn, total] as [string, number];
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [r.planFiledOn, ...points.map(([d]) => d)] },
      yAxis: { type: 'value', max: r.quantity },
      series: [
        { name: t('productRecalls.chart.recovered'), type: 'line', data: [0, ...points.map(([, n]) => n)] },
        {
          name: t('productRecalls.chart.recalled'),
          type: 'line',
          lineStyle: { type: 'dashed' },
          data: [r.quantity, ...points.map(() => r.quantity)],
        },
      ],
    };
  }, [r, t]);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!r || !option) return <Card loading />;
  const done = (d: TRecallDetail) => {
    setStep(undefined);
    state.reload();
    message.success(t('productRecalls.saved', { status: t(`productRecalls.status.${d.status}`) }));
  };
  const publish = () =>
    recallsApi.step(r.id, 'publish', { version: r.version }).then(done, (err: Error) => message.error(err.message));
  return (
    <>
      <PageHeader
        title={`${t('productRecalls.detail')} · ${r.productName}`}
        extra={
          canWrite && (
            <Space wrap>
              <Button onClick={() => setStep('reports')} data-testid="recall-step-report">
                {t('productRecalls.report')}
              </Button>
              {r.status === 'inProgress' && (
                <Button onClick={() => setStep('complete')} data-testid="recall-step-complete">
                  {t('productRecalls.complete')}
                </Button>
              )}
              {!r.publishedOn && (
                <Button onClick={publish} data-testid="recall-step-publish">
                  {t('productRecalls.publish')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="recall-facts">
          <Descriptions.Item label={t('productRecalls.status')}>
            <span data-testid="recall-status">{recallStatusTag(t, r.status)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.progress')}>
            {recoveredBar(r.recovered, r.quantity)}
          </Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.producer')}>{`${r.entityName} ${r.uscc}`}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.batches')}>{r.batches}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.defect')}>{r.defect}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.planFiledOn')}>{r.planFiledOn}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.plan')}>{r.plan}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.completedOn')}>{r.completedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.publishedOn')}>{r.publishedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('productRecalls.station')}>{r.stationName}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('productRecalls.chart')} style={{ marginTop: 16 }}>
        <EChart option={option} height={260} testId="recall-chart" />
      </Card>
      <Card title={t('productRecalls.reports')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.reports}
          data-testid="recall-reports"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('productRecalls.reportedOn'), dataIndex: 'reportedOn' },
            { title: t('productRecalls.quantityRecovered'), dataIndex: 'quantityRecovered' },
            { title: t('productRecalls.note'), dataIndex: 'note' },
            {
              title: t('productRecalls.attachment'),
              dataIndex: 'fileId',
              render: (fileId: number | null, p) =>
                fileId ? (
                  <a href={`/api/v1/files/${fileId}`} target="_blank" rel="noreferrer">
                    {p.fileName}
                  </a>
                ) : (
                  canWrite &&
                  r.status !== 'completed' && (
                    <Upload
                      showUploadList={false}
                      beforeUpload={(file) => {
                        recallsApi.attach(r.id, p.id, file).then(done, (err: Error) => message.error(err.message));
                        return false;
                      }}
                    >
                      <Button size="small" icon={<UploadOutlined />}>
                        {t('productRecalls.upload')}
                      </Button>
                    </Upload>
                  )
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('productRecalls.events')} style={{ marginTop: 16 }}>
        <Timeline
          items={r.events.map((e) => ({
            children: `${dayjs(e.createdAt).format('YYYY-MM-DD HH:mm')} ${t(`productRecalls.action.${e.action as 'file'}`)} · ${e.actorName ?? ''}${e.note ? ` · ${e.note}` : ''}`,
          }))}
        />
      </Card>
      {step && <StepModal recall={r} step={step} onClose={() => setStep(undefined)} onDone={done} />}
    </>
  );
}

type StepValues = { reportedOn?: Dayjs; completedOn?: Dayjs; quantityRecovered?: number; note?: string };

function StepModal({
  recall,
  step,
  onClose,
  onDone,
}: {
  recall: TRecallDetail;
  step: Step;
  onClose: () => void;
  onDone: (r: TRecallDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const dateField = step === 'reports' ? 'reportedOn' : 'completedOn';
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    recallsApi
      .step(recall.id, step, { ...v, [dateField]: v[dateField]?.format('YYYY-MM-DD'), version: recall.version })
      .then(onDone, (err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  const required = [{ required: true, message: t('productRecalls.required') }];
  return (
    <Modal
      open
      title={t(step === 'reports' ? 'productRecalls.report' : 'productRecalls.complete')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" initialValues={{ [dateField]: dayjs() }} data-testid={`recall-form-${step}`}>
        <Form.Item name={dateField} label={t(`productRecalls.${dateField}`)} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {step === 'reports' && (
          <Form.Item name="quantityRecovered" label={t('productRecalls.quantityRecovered')} rules={required}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('productRecalls.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
      {error && (
        <div role="alert" style={{ color: '#cf1322' }} data-testid="recall-step-error">
          {error}
        </div>
      )}
    </Modal>
  );
}
