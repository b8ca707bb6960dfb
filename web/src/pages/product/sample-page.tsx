import { App, Card, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { TProductSampleDetail } from '../../../../src/contracts/product-quality.ts';
import { type ProductStep, productApi } from '../../api/product-quality.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { SampleDetailFrame, type StepModalProps } from '../../components/sampling/sample-detail.tsx';
import { NoticeLink, SampleEventsCard, SampleItemsCard } from '../../components/sampling/sample-parts.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { conclusionTag } from './samples-page.tsx';

/** The buttons each status offers (the server's transition table decides). */
const stepsFor = (s: TProductSampleDetail): ProductStep[] => {
  const steps: ProductStep[] = [];
  if (s.status === 'sampled') steps.push('result');
  if (s.status === 'tested' && s.conclusion === 'fail') steps.push('notify');
  if (s.status === 'notified') steps.push('retest-request', 'rectify');
  if (s.status === 'retestRequested') steps.push('retest');
  if (s.status === 'retested' && s.retestConclusion === 'fail') steps.push('rectify');
  if (s.status === 'rectifying') steps.push('close');
  return steps;
};
const dateField: Partial<Record<ProductStep, string>> = {
  result: 'testedOn',
  notify: 'receivedOn',
  'retest-request': 'requestedOn',
  retest: 'testedOn',
};

/** One 监督抽查 sample: facts, 异议/复检 window, case lead, items, steps and trail. */
export function ProductSamplePage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('product:write');
  const d = (v: string | null) => v ?? '—';
  return (
    <SampleDetailFrame
      load={(signal) => productApi.sample(id, { signal })}
      queryKey={['product', 'sample', id]}
      title={t('product.sample.title')}
      canWrite={canWrite}
      stepsFor={stepsFor}
      stepLabel={(k) => t(`product.step.${k}` as MessageKey)}
      stepTestId={(k) => `product-step-${k}`}
      StepModal={StepModal}
    >
      {(s) => (
        <>
          <Card>
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="product-facts">
              <Descriptions.Item label={t('product.status')}>
                <span data-testid="product-status">{t(`product.status.${s.status}` as MessageKey)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('product.conclusion')}>
                {conclusionTag(t, s.retestConclusion ?? s.conclusion)}
              </Descriptions.Item>
              <Descriptions.Item
                label={t('product.entity')}
              >{`${s.entityName} · ${t(`product.role.${s.partyRole}` as MessageKey)}`}</Descriptions.Item>
              <Descriptions.Item label={t('product.category')}>{s.categoryName}</Descriptions.Item>
              <Descriptions.Item label={t('product.productName')}>{`${s.productName} ${s.model}`}</Descriptions.Item>
              <Descriptions.Item label={t('product.batchNo')}>{s.batchNo || '—'}</Descriptions.Item>
              <Descriptions.Item label={t('product.sampledOn')}>{s.sampledOn}</Descriptions.Item>
              <Descriptions.Item label={t('product.lab')}>{s.labName}</Descriptions.Item>
              <Descriptions.Item
                label={t('product.testedOn')}
              >{`${d(s.testedOn)} ${s.reportNo ?? ''}`}</Descriptions.Item>
              <Descriptions.Item label={t('product.notice')}>
                <NoticeLink
                  href={s.noticeNo && `/api/v1/product/quality/samples/${s.id}/notice.pdf`}
                  text={`${s.noticeNo} · ${d(s.receivedOn)}`}
                  testId="product-notice-pdf"
                />
              </Descriptions.Item>
              <Descriptions.Item
                label={t('product.objectionDueOn')}
              >{`${d(s.retestRequestedOn)} / ${d(s.objectionDueOn)}`}</Descriptions.Item>
              <Descriptions.Item label={t('product.caseLead')}>
                <span data-testid="product-case-lead">{d(s.caseLeadRef)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('product.rectifyDueOn')}>{d(s.rectifyDueOn)}</Descriptions.Item>
              <Descriptions.Item label={t('product.followUps')}>
                {s.followUps.map((f) => f.sampleNo).join(t('common.separator')) || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <SampleItemsCard
            title={t('product.items')}
            items={s.items}
            columns={[
              { title: t('product.item.name'), dataIndex: 'itemName' },
              { title: t('product.item.value'), dataIndex: 'value' },
              { title: t('product.item.standard'), dataIndex: 'standard' },
            ]}
            conclusionTitle={t('product.conclusion')}
            conclusion={(c) => conclusionTag(t, c)}
            retestTitle={t('product.item.retest')}
          />
          <SampleEventsCard
            title={t('product.events')}
            events={s.events}
            statusLabel={(x) => t(`product.status.${x}` as MessageKey)}
          />
        </>
      )}
    </SampleDetailFrame>
  );
}

/** One step's form: a date (native date input), the items for a result or retest, the 整改 note. */
function StepModal({ sample, step, onClose, onDone }: StepModalProps<TProductSampleDetail, ProductStep>) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const field = dateField[step];
  const withItems = step === 'result' || step === 'retest';
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { version: sample.version };
    if (field) body[field] = v[field];
    if (step === 'rectify') body.note = v.note;
    if (withItems)
      body.items = [{ itemName: v.itemName, value: v.value, standard: v.standard, conclusion: v.conclusion }];
    setBusy(true);
    setError(undefined);
    productApi
      .step(sample.id, step, body)
      .then(onDone, (err: Error) => {
        setError(err.message);
        message.error(err.message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      title={t(`product.step.${step}` as MessageKey)}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'product-step-ok' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ conclusion: 'fail' }} data-testid={`product-form-${step}`}>
        {field && (
          <Form.Item name={field} label={t(`product.field.${field}` as MessageKey)} rules={[{ required: true }]}>
            <Input type="date" data-testid="product-date" />
          </Form.Item>
        )}
        {step === 'rectify' && (
          <Form.Item name="note" label={t('product.field.note')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} data-testid="product-note" />
          </Form.Item>
        )}
        {withItems && (
          <>
            <Form.Item name="itemName" label={t('product.item.name')} rules={[{ required: true }]}>
              <Input data-testid="product-item-name" />
            </Form.Item>
            <Form.Item name="value" label={t('product.item.value')} rules={[{ required: true }]}>
              <Input data-testid="product-item-value" />
            </Form.Item>
            <Form.Item name="standard" label={t('product.item.standard')} rules={[{ required: true }]}>
              <Input placeholder="GB 4706.1-2005" data-testid="product-item-standard" />
            </Form.Item>
            <Form.Item name="conclusion" label={t('product.conclusion')}>
              <Radio.Group
                options={(['pass', 'fail'] as const).map((c) => ({
                  value: c,
                  label: t(`product.conclusion.${c}` as MessageKey),
                }))}
              />
            </Form.Item>
          </>
        )}
        {step === 'close' && t('product.closeHint')}
        {error && (
          <div role="alert" style={{ color: '#cf1322' }} data-testid="product-step-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
