import { App, Card, Col, Form, Input, InputNumber, Modal, Row, Space, Typography } from 'antd';
import type { TFoodModelBody } from '../../../../../src/contracts/food-tiers.ts';
import { foodTiersApi } from '../../../api/food-tiers.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../../lib/use-form-submit.ts';

type Indicator = Record<string, unknown> & { code: string; label: string; kind: string; fact: string };
export type ModelValues = Omit<TFoodModelBody, 'indicators'> & { indicators: Indicator[] };
const tiers = ['A', 'B', 'C', 'D'] as const;
const num = { precision: 0, style: { width: '100%' } } as const;

/** The numbers of one indicator a bureau tunes: its points (the fact and the kind of scoring stay as they are). */
function IndicatorPoints({ index, ind }: { index: number; ind: Indicator }) {
  const t = useT();
  const at = (...p: (string | number)[]) => ['indicators', index, ...p];
  if (ind.kind === 'flag')
    return (
      <Form.Item name={at('points')} noStyle>
        <InputNumber {...num} />
      </Form.Item>
    );
  if (ind.kind === 'count')
    return (
      <Space>
        <Form.Item name={at('pointsEach')} label={t('foodTiers.models.each')} style={{ marginBottom: 0 }}>
          <InputNumber precision={0} />
        </Form.Item>
        <Form.Item name={at('cap')} label={t('foodTiers.models.cap')} style={{ marginBottom: 0 }}>
          <InputNumber precision={0} />
        </Form.Item>
      </Space>
    );
  if (ind.kind === 'atLeast')
    return (
      <Space wrap>
        {(ind.steps as unknown[]).map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the steps are fixed while the form is open
          <Space key={i}>
            <Form.Item name={at('steps', i, 'min')} label={t('foodTiers.models.stepMin')} style={{ marginBottom: 0 }}>
              <InputNumber precision={0} />
            </Form.Item>
            <Form.Item name={at('steps', i, 'points')} style={{ marginBottom: 0 }}>
              <InputNumber precision={0} />
            </Form.Item>
          </Space>
        ))}
      </Space>
    );
  return (
    <Space wrap>
      {Object.keys(ind.table as Record<string, number>).map((k) => (
        <Form.Item key={k} name={at('table', k)} label={k} style={{ marginBottom: 0 }}>
          <InputNumber precision={0} />
        </Form.Item>
      ))}
    </Space>
  );
}

/** A new tier-model version copied from the active one: thresholds, visit frequencies, Art. 22/42 values, points. */
export function TierModelFormModal({
  from,
  onClose,
  onSaved,
}: {
  from: ModelValues;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ModelValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const required = { required: true, message: t('foodRules.fieldRequired') };
  const onOk = () =>
    submit(async () => {
      // The whole store: the indicators' codes, labels, facts and kinds are kept though not edited here.
      const v = form.getFieldsValue(true) as ModelValues;
      const { version } = await foodTiersApi.createModel({ ...v, note: v.note || undefined } as TFoodModelBody);
      message.success(t('foodTiers.models.saved', { version }));
      onSaved();
    });
  return (
    <Modal
      open
      width={900}
      title={t('foodTiers.models.new')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      destroyOnHidden
      data-testid="tier-model-modal"
    >
      <FormAlert failure={failure} />
      <Form<ModelValues> form={form} layout="vertical" initialValues={{ ...from, name: '', note: '' }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('foodTiers.models.name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={60} data-testid="tier-model-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label={t('foodTiers.models.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {(['B', 'C', 'D'] as const).map((tier) => (
            <Col key={tier} xs={24} md={8}>
              <Form.Item
                name={['thresholds', tier]}
                label={t('foodTiers.models.thresholdFor', { tier })}
                tooltip={t('foodTiers.models.thresholdHint')}
                rules={[required]}
              >
                <InputNumber {...num} data-testid={`tier-model-threshold-${tier}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          {tiers.map((tier) => (
            <Col key={tier} xs={24} md={12}>
              <Form.Item label={t('foodTiers.models.visitsFor', { tier })} tooltip={t('foodTiers.models.visitsHint')}>
                <Space>
                  <Form.Item name={['visitsPerYear', tier, 'min']} noStyle rules={[required]}>
                    <InputNumber precision={0} placeholder={t('foodTiers.models.min')} />
                  </Form.Item>
                  <Form.Item name={['visitsPerYear', tier, 'max']} noStyle rules={[required]}>
                    <InputNumber precision={0} placeholder={t('foodTiers.models.max')} />
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="fullScopeYears" label={t('foodTiers.models.fullScope')} rules={[required]}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="higherLevelQuietMonths" label={t('foodTiers.models.quiet')} rules={[required]}>
              <InputNumber {...num} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('foodTiers.models.indicatorsHint')}</Typography.Title>
        {from.indicators.map((ind, i) => (
          <Card key={ind.code} size="small" style={{ marginBottom: 8 }} title={ind.label}>
            <IndicatorPoints index={i} ind={ind} />
          </Card>
        ))}
      </Form>
    </Modal>
  );
}
