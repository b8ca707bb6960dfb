import { App, Col, Form, Input, InputNumber, Modal, Row, Switch, Typography } from 'antd';
import type { TFoodGradingConfig } from '../../../../../src/contracts/food-rules.ts';
import { foodRulesApi } from '../../../api/food-rules.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../../lib/use-form-submit.ts';
import { pathOf, rulesGroups } from './rules-fields.ts';

interface Values {
  name: string;
  note?: string;
  config: TFoodGradingConfig;
}

/**
 * A new 量化分级规则 version, prefilled from the active one. Each value has its Chinese meaning as help; the
 * ordering rules (优秀 > 良好 > 一般, A > B) come back from the API as 422 on the field and show beside it.
 */
export function RulesFormModal({
  from,
  onClose,
  onSaved,
}: {
  from: { name: string; config: TFoodGradingConfig };
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const required = { required: true, message: t('foodRules.fieldRequired') };
  const onOk = () =>
    submit(async (v) => {
      const config = { ...v.config, failOnGeneralFailures: v.config.failOnGeneralFailures ?? null };
      const { version } = await foodRulesApi.create({ name: v.name, note: v.note || undefined, config });
      message.success(t('foodRules.saved', { version }));
      onSaved();
    });
  return (
    <Modal
      open
      width={860}
      title={t('foodRules.new')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'rules-save' }}
      destroyOnHidden
      data-testid="rules-modal"
    >
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical" initialValues={{ name: '', config: from.config }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('foodRules.name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={60} data-testid="rules-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="note" label={t('foodRules.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        {rulesGroups.map(({ group, fields }) => (
          <div key={group}>
            <Typography.Title level={5}>{t(`foodRules.group.${group}`)}</Typography.Title>
            <Row gutter={16}>
              {fields.map((f) => (
                <Col key={f} xs={24} md={12}>
                  {f === 'annual.noneCapsAtC' ? (
                    <Form.Item
                      name={['config', ...pathOf(f)]}
                      label={t(`foodRules.field.${f}`)}
                      extra={t(`foodRules.help.${f}`)}
                      valuePropName="checked"
                    >
                      <Switch />
                    </Form.Item>
                  ) : (
                    <Form.Item
                      name={['config', ...pathOf(f)]}
                      label={t(`foodRules.field.${f}`)}
                      extra={t(`foodRules.help.${f}`)}
                      rules={f === 'failOnGeneralFailures' ? [] : [required]}
                    >
                      <InputNumber
                        precision={0}
                        style={{ width: '100%' }}
                        placeholder={f === 'failOnGeneralFailures' ? t('foodRules.none') : undefined}
                        data-testid={`rules-${f}`}
                      />
                    </Form.Item>
                  )}
                </Col>
              ))}
            </Row>
          </div>
        ))}
      </Form>
    </Modal>
  );
}
