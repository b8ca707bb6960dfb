import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { TSampleDetail } from '../../../../../src/contracts/food-sampling.ts';
import { samplingHazardCodes } from '../../../../../src/domain/food-sampling.ts';
import { type SampleStep, samplingApi } from '../../../api/food-sampling.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { SampleDetailFrame, type StepModalProps } from '../../../components/sampling/sample-detail.tsx';
import { NoticeLink, SampleEventsCard, SampleItemsCard } from '../../../components/sampling/sample-parts.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ClockCell, categoryLabel, conclusionTag, hazardLabel, stageLabel, statusLabel } from './sampling-labels.tsx';

/** The steps each status offers (the server's transition table decides; this only shows the buttons). */
const stepsFor = (s: TSampleDetail): SampleStep[] => {
  const steps: SampleStep[] = [];
  if (s.status === 'sampled') steps.push('deliver');
  if (s.status === 'delivered') steps.push('result');
  if (s.status === 'tested' && s.conclusion === 'fail') steps.push('notify');
  if (s.status === 'notified') steps.push('retest-request');
  if (s.status === 'retestRequested') steps.push('retest');
  if (s.status === 'notified' || s.status === 'retested') steps.push('handle');
  if (!s.publishedOn && (s.status === 'closed' || s.status === 'handled' || s.status === 'retested'))
    steps.push('publish');
  return steps;
};

/** One sample: the 抽样单, the clocks, the items per test and retest, the steps and the trail. */
export function SamplingSamplePage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('food:write');
  const d = (v: string | null) => v ?? '—';
  return (
    <SampleDetailFrame
      load={(signal) => samplingApi.sample(id, { signal })}
      queryKey={['food', 'sampling', 'sample', id]}
      title={t('foodSampling.sample.title')}
      canWrite={canWrite}
      stepsFor={stepsFor}
      stepLabel={(k) => t(`foodSampling.step.${k}`)}
      stepTestId={(k) => `sampling-step-${k}`}
      StepModal={StepModal}
    >
      {(s) => (
        <>
          <Card>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="sampling-facts">
              <Descriptions.Item label={t('foodSampling.status')}>{statusLabel(t, s.status)}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.clock')}>
                <ClockCell t={t} clock={s.clock} />
              </Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.conclusion')}>
                {conclusionTag(t, s.retestConclusion ?? s.conclusion)}
              </Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.entity')}>{s.entityName}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.stage')}>{stageLabel(t, s.stage)}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.category')}>
                {categoryLabel(t, s.foodCategory)}
              </Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.foodName')}>{s.foodName}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.batchNo')}>{s.batchNo || '—'}</Descriptions.Item>
              <Descriptions.Item
                label={t('foodSampling.producer')}
              >{`${s.producerName || '—'} ${s.producerUscc ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.producedOn')}>{d(s.producedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.quantity')}>{s.quantity || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.samplers')}>
                {s.samplers.join(t('common.separator'))}
              </Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.sampledOn')}>{s.sampledOn}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.lab')}>{s.labName}</Descriptions.Item>
              <Descriptions.Item
                label={t('foodSampling.deliveryDueOn')}
              >{`${d(s.deliveredOn)} / ${s.deliveryDueOn}`}</Descriptions.Item>
              <Descriptions.Item
                label={t('foodSampling.resultDueOn')}
              >{`${d(s.testedOn)} / ${d(s.resultDueOn)}`}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.notice')}>
                <NoticeLink
                  href={s.noticeNo && `/api/v1/food/sampling/samples/${s.id}/notice.pdf`}
                  text={`${s.noticeNo} ${d(s.notifiedOn)}`}
                  testId="sampling-notice-pdf"
                />
              </Descriptions.Item>
              <Descriptions.Item
                label={t('foodSampling.retestDueOn')}
              >{`${d(s.retestRequestedOn)} / ${d(s.retestDueOn)}`}</Descriptions.Item>
              <Descriptions.Item
                label={t('foodSampling.disposalDueOn')}
              >{`${d(s.handledOn)} / ${d(s.disposalDueOn)}`}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.caseLead')}>{d(s.caseLeadRef)}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.publishedOn')}>{d(s.publishedOn)}</Descriptions.Item>
              <Descriptions.Item label={t('foodSampling.disposalNote')}>{d(s.disposalNote)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <SampleItemsCard
            title={t('foodSampling.items')}
            items={s.items}
            testId="sampling-items"
            columns={[
              { title: t('foodSampling.item.name'), dataIndex: 'itemName' },
              { title: t('foodSampling.item.hazard'), dataIndex: 'hazard', render: (h: string) => hazardLabel(t, h) },
              { title: t('foodSampling.item.value'), dataIndex: 'value' },
              { title: t('foodSampling.item.limit'), dataIndex: 'limit' },
              { title: t('foodSampling.item.standard'), dataIndex: 'standard' },
            ]}
            conclusionTitle={t('foodSampling.conclusion')}
            conclusion={(c) => conclusionTag(t, c)}
            retestTitle={t('foodSampling.item.retest')}
          />
          <SampleEventsCard title={t('foodSampling.events')} events={s.events} statusLabel={(x) => statusLabel(t, x)} />
        </>
      )}
    </SampleDetailFrame>
  );
}

type StepValues = Record<string, unknown> & { items?: Record<string, unknown>[] };
const dateFields: Partial<Record<SampleStep, 'deliveredOn' | 'testedOn' | 'notifiedOn' | 'requestedOn' | 'handledOn'>> =
  {
    deliver: 'deliveredOn',
    result: 'testedOn',
    notify: 'notifiedOn',
    'retest-request': 'requestedOn',
    retest: 'testedOn',
    handle: 'handledOn',
  };

/** One step's form; the result and retest forms take the items (value, limit, standard, 合格/不合格). */
function StepModal({ sample, step, onClose, onDone }: StepModalProps<TSampleDetail, SampleStep>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [busy, setBusy] = useState(false);
  const dateField = dateFields[step];
  const withItems = step === 'result' || step === 'retest';
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...v, version: sample.version };
    if (dateField) body[dateField] = (v[dateField] as Dayjs).format('YYYY-MM-DD');
    setBusy(true);
    samplingApi
      .step(sample.id, step, body)
      .then(onDone, (err: Error) => message.error(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      title={t(`foodSampling.step.${step}`)}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={withItems ? 900 : 520}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...(dateField ? { [dateField]: dayjs() } : {}),
          items: withItems ? [{ conclusion: 'pass' }] : undefined,
        }}
        data-testid={`sampling-form-${step}`}
      >
        {dateField && (
          <Form.Item name={dateField} label={t(`foodSampling.field.${dateField}`)} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
        {step === 'result' && (
          <Form.Item name="reportNo" label={t('foodSampling.field.reportNo')}>
            <Input />
          </Form.Item>
        )}
        {step === 'notify' && (
          <Form.Item name="noticeNo" label={t('foodSampling.field.noticeNo')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        {step === 'retest-request' && (
          <Form.Item name="retestLab" label={t('foodSampling.field.retestLab')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        {step === 'handle' && (
          <Form.Item name="note" label={t('foodSampling.field.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {withItems && (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'itemName']} rules={[{ required: true }]}>
                      <Input placeholder={t('foodSampling.item.name')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'hazard']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 120 }}
                        placeholder={t('foodSampling.item.hazard')}
                        options={samplingHazardCodes.map((h) => ({ value: h, label: hazardLabel(t, h) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true }]}>
                      <Input placeholder={t('foodSampling.item.value')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'limit']}>
                      <Input placeholder={t('foodSampling.item.limit')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'standard']} rules={[{ required: true }]}>
                      <Input placeholder={t('foodSampling.item.standard')} style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'conclusion']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 100 }}
                        options={(['pass', 'fail'] as const).map((c) => ({
                          value: c,
                          label: t(`foodSampling.conclusion.${c}`),
                        }))}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ conclusion: 'pass' })} icon={<PlusOutlined />}>
                  {t('foodSampling.item.add')}
                </Button>
              </>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
