import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, type FormInstance, Input, InputNumber, Row, Select, Space } from 'antd';
import { ZModelBody } from '../../../../src/contracts/credit.ts';
import type { TModelsView } from '../../api/credit.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import type { IndicatorRow, ModelFormValues } from './model-form.ts';

type Fact = TModelsView['facts'][number];
const thresholdShape = ZModelBody.shape.thresholds.shape;

/** The risk model as a form: name, thresholds, and one card per indicator with the numbers its kind takes. */
export function ModelEditor({ form, facts }: { form: FormInstance<ModelFormValues>; facts: Fact[] }) {
  const t = useT();
  const factLabel = (f: Fact) => {
    const key = knownKey(`credit.fact.${f.fact}`);
    return `${f.fact} · ${key ? t(key) : f.label}`;
  };
  const kindOptions = (['flag', 'count', 'prefix'] as const).map((value) => ({
    value,
    label: t(`credit.indicatorKind.${value}`),
  }));
  const rule = { required: true, message: t('credit.fieldRequired') };
  return (
    <Form<ModelFormValues> form={form} layout="vertical" data-testid="model-form">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('credit.modelName')} rules={[rule, zodRule(ZModelBody.shape.name)]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('credit.modelNote')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {(['B', 'C', 'D'] as const).map((c) => (
          <Col key={c} span={8}>
            <Form.Item
              name={['thresholds', c]}
              label={t('credit.thresholdFor', { class: c })}
              tooltip={t('credit.thresholdHint')}
              rules={[rule, zodRule(thresholdShape[c])]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} data-testid={`model-threshold-${c}`} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 12 }}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('credit.removeIndicator')}
                  />
                }
                title={
                  <Form.Item noStyle shouldUpdate>
                    {() => form.getFieldValue(['indicators', field.name, 'label']) || t('credit.newIndicator')}
                  </Form.Item>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'code']} label={t('credit.indicatorCode')} rules={[rule]}>
                      <Input maxLength={40} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={10}>
                    <Form.Item name={[field.name, 'label']} label={t('credit.indicatorLabel')} rules={[rule]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'kind']} label={t('credit.indicatorKind')} rules={[rule]}>
                      <Select options={kindOptions} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const kind = form.getFieldValue(['indicators', field.name, 'kind']) as IndicatorRow['kind'];
                    return (
                      <>
                        <Form.Item name={[field.name, 'fact']} label={t('credit.indicatorFact')} rules={[rule]}>
                          <Select
                            showSearch
                            options={facts
                              .filter((f) => f.kind === kind)
                              .map((f) => ({ value: f.fact, label: factLabel(f) }))}
                          />
                        </Form.Item>
                        <IndicatorPoints name={field.name} kind={kind} />
                      </>
                    );
                  }}
                </Form.Item>
              </Card>
            ))}
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ code: '', label: '', kind: 'flag', fact: '', points: 0 } satisfies IndicatorRow)}
            >
              {t('credit.addIndicator')}
            </Button>
          </>
        )}
      </Form.List>
    </Form>
  );
}

/** The numbers an indicator takes: points for a flag, points each and a cap for a count, a prefix table. */
function IndicatorPoints({ name, kind }: { name: number; kind: IndicatorRow['kind'] }) {
  const t = useT();
  const rule = { required: true, message: t('credit.fieldRequired') };
  if (kind === 'flag')
    return (
      <Form.Item name={[name, 'points']} label={t('credit.points')} rules={[rule]}>
        <InputNumber precision={0} />
      </Form.Item>
    );
  if (kind === 'count')
    return (
      <Space wrap>
        <Form.Item name={[name, 'pointsEach']} label={t('credit.pointsEach')} rules={[rule]}>
          <InputNumber precision={0} min={0} />
        </Form.Item>
        <Form.Item name={[name, 'cap']} label={t('credit.cap')} rules={[rule]}>
          <InputNumber precision={0} min={0} />
        </Form.Item>
      </Space>
    );
  return (
    <Form.List name={[name, 'table']}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="baseline">
              <Form.Item
                name={[row.name, 'prefix']}
                rules={[rule, { pattern: /^[0-9A-Z]{1,5}$/, message: t('credit.prefixFormat') }]}
              >
                <Input placeholder={t('credit.prefix')} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={[row.name, 'points']} rules={[rule]}>
                <InputNumber placeholder={t('credit.points')} precision={0} />
              </Form.Item>
              <MinusCircleOutlined onClick={() => remove(row.name)} aria-label={t('credit.removeRow')} />
            </Flex>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ prefix: '', points: 0 })}>
            {t('credit.addPrefix')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
