import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { TEntityType } from '../../../../src/contracts/entities.ts';
import { normaliseIdCard } from '../../../../src/domain/id-card.ts';
import { normaliseUscc, usccEntityType, validateUscc } from '../../../../src/domain/uscc.ts';
import { entitiesApi } from '../../api/entities.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { fenFromYuan, IndustrySelect, idCardRule, phoneRule } from './entity-fields.tsx';
import { typeOptions, useStations } from './entity-refs.ts';

interface Values {
  uscc: string;
  override?: boolean;
  usccOverrideReason?: string;
  type: TEntityType;
  name: string;
  address: string;
  establishedOn: Dayjs;
  legalRepName?: string;
  legalRepIdNumber?: string;
  phone?: string;
  regionCode?: string;
  stationId?: number;
  industryCode?: string;
  capitalYuan?: number | null;
  businessScope?: string;
}

const trimmed = (s?: string) => s?.trim() || undefined;

export function EntityCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const stations = useStations();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const uscc = normaliseUscc(Form.useWatch('uscc', form) ?? '');
  const override = Form.useWatch('override', form) ?? false;
  const check = uscc.length === 18 ? validateUscc(uscc) : undefined;
  // Only a failing check character can be a historical code; a wrong length or letter is a typo.
  const overridable = check && !check.ok && (check.code === 'checkChar' || check.code === 'orgCode');

  const usccRule = {
    validator: async (_: unknown, value?: string) => {
      const code = normaliseUscc(value ?? '');
      if (!code) return;
      const v = validateUscc(code);
      if (v.ok) return;
      if (form.getFieldValue('override') && (v.code === 'checkChar' || v.code === 'orgCode')) return;
      throw new Error(v.reason);
    },
  };

  const onUsccChange = (value: string) => {
    const kind = usccEntityType(normaliseUscc(value));
    // The 2nd digit says the type (1 enterprise, 2 individual business, 3 farmers' cooperative): suggest it, the user may still change it.
    if (kind !== 'other') form.setFieldValue('type', kind);
    if (form.getFieldValue('override')) form.setFieldValue('override', false);
  };

  const onSubmit = () =>
    submit(async (v) => {
      const created = await entitiesApi.create({
        uscc: normaliseUscc(v.uscc),
        usccOverrideReason: v.override && overridable ? v.usccOverrideReason?.trim() : undefined,
        type: v.type,
        name: v.name.trim(),
        address: v.address.trim(),
        establishedOn: v.establishedOn.format('YYYY-MM-DD'),
        legalRepName: trimmed(v.legalRepName),
        legalRepIdNumber: v.legalRepIdNumber ? normaliseIdCard(v.legalRepIdNumber) || undefined : undefined,
        phone: trimmed(v.phone),
        regionCode: trimmed(v.regionCode),
        stationId: v.stationId,
        industryCode: v.industryCode,
        registeredCapitalFen: fenFromYuan(v.capitalYuan),
        businessScope: trimmed(v.businessScope),
      });
      navigate(`/entities/${created.id}`);
    });

  return (
    <>
      <PageHeader title={t('entities.create')} />
      <Card>
        <FormAlert failure={failure} />
        <Form form={form} layout="vertical" data-testid="entity-create-form" style={{ maxWidth: 960 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="uscc"
                label={t('entities.uscc')}
                validateTrigger="onChange"
                rules={[{ required: true, message: t('entities.usccRequired') }, usccRule]}
                extra={check?.ok ? t('entities.usccOk') : undefined}
              >
                <Input maxLength={20} onChange={(ev) => onUsccChange(ev.target.value)} data-testid="entity-uscc" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="type" label={t('entities.type')} rules={[{ required: true }]}>
                <Select options={typeOptions(t)} data-testid="entity-type" />
              </Form.Item>
            </Col>
          </Row>
          {overridable && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('entities.overrideHint')}
              description={
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Form.Item name="override" valuePropName="checked" noStyle>
                    <Checkbox
                      onChange={() => setTimeout(() => form.validateFields(['uscc']))}
                      data-testid="entity-override"
                    >
                      {t('entities.override')}
                    </Checkbox>
                  </Form.Item>
                  {override && (
                    <Form.Item
                      name="usccOverrideReason"
                      label={t('entities.overrideReason')}
                      rules={[{ required: true, min: 4, message: t('entities.overrideReasonRequired') }]}
                    >
                      <Input data-testid="entity-override-reason" />
                    </Form.Item>
                  )}
                </Space>
              }
            />
          )}
          <Form.Item name="name" label={t('entities.name')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={200} data-testid="entity-name" />
          </Form.Item>
          <Form.Item name="address" label={t('entities.address')} rules={[{ required: true, min: 2 }]}>
            <Input maxLength={300} data-testid="entity-address" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="establishedOn" label={t('entities.establishedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} data-testid="entity-established" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="legalRepName" label={t('entities.legalRep')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="legalRepIdNumber"
                label={t('entities.legalRepId')}
                validateTrigger="onChange"
                rules={[idCardRule]}
              >
                <Input maxLength={18} data-testid="entity-id-number" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="phone" label={t('entities.phone')} rules={[phoneRule(t)]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={t('entities.regionCode')}>
                <Input maxLength={12} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              {stations.length > 0 ? (
                <Form.Item name="stationId" label={t('entities.station')} extra={t('entities.stationHint')}>
                  <Select allowClear options={stations} data-testid="entity-station" />
                </Form.Item>
              ) : (
                <Form.Item label={t('entities.station')}>{t('entities.stationDefault')}</Form.Item>
              )}
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="industryCode" label={t('entities.industry')}>
                <IndustrySelect data-testid="entity-industry" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="capitalYuan" label={t('entities.capitalYuan')}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="businessScope" label={t('entities.businessScope')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
          <Space>
            <Button type="primary" loading={submitting} onClick={onSubmit} data-testid="entity-create-submit">
              {t('entities.submitCreate')}
            </Button>
            <Button onClick={() => navigate('/entities')}>{t('entities.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
