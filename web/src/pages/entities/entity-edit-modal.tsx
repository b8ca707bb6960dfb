import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { TEntityDetail } from '../../../../src/contracts/entities.ts';
import { entitiesApi, type TEntityUpdateBody } from '../../api/entities.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { fenFromYuan, IndustrySelect, idCardRule, phoneRule } from './entity-fields.tsx';

interface Values {
  name: string;
  address: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  phone?: string;
  stationId?: number;
  industryCode?: string;
  capitalYuan?: number | null;
  businessScope?: string;
}

interface Props {
  entity: TEntityDetail;
  stations: { value: number; label: string }[];
  onClose: () => void;
  onSaved: (entity: TEntityDetail) => void;
}

/** Change registration: only changed fields are sent, with the version read; a 409 says someone else saved first. */
export function EntityEditModal({ entity, stations, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const initial: Values = {
    name: entity.name,
    address: entity.address ?? '',
    legalRepName: entity.legalRepName ?? undefined,
    phone: undefined,
    stationId: entity.stationId,
    industryCode: entity.industryCode ?? undefined,
    capitalYuan: entity.registeredCapitalFen === null ? null : entity.registeredCapitalFen / 100,
    businessScope: entity.businessScope ?? undefined,
  };

  const onOk = () =>
    submit(async (v) => {
      const body: TEntityUpdateBody = { version: entity.version };
      const text = (key: 'name' | 'address' | 'legalRepName' | 'businessScope') => {
        const next = v[key]?.trim();
        if (next && next !== (initial[key] ?? '')) body[key] = next;
      };
      text('name');
      text('address');
      text('legalRepName');
      text('businessScope');
      if (v.legalRepIdNumber?.trim()) body.legalRepIdNumber = v.legalRepIdNumber.trim();
      if (v.phone?.trim()) body.phone = v.phone.trim();
      if (v.stationId !== undefined && v.stationId !== entity.stationId) body.stationId = v.stationId;
      if (v.industryCode && v.industryCode !== entity.industryCode) body.industryCode = v.industryCode;
      const fen = fenFromYuan(v.capitalYuan);
      if (fen !== undefined && fen !== entity.registeredCapitalFen) body.registeredCapitalFen = fen;
      onSaved(await entitiesApi.update(entity.id, body));
    });

  return (
    <Modal
      open
      title={t('entities.edit')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'entity-edit-ok' }}
      width={640}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" initialValues={initial} data-testid="entity-edit-form">
        <Form.Item name="name" label={t('entities.name')} rules={[{ required: true, min: 2 }]}>
          <Input data-testid="entity-edit-name" />
        </Form.Item>
        <Form.Item name="address" label={t('entities.address')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="legalRepName" label={t('entities.legalRep')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="legalRepIdNumber"
          label={t('entities.legalRepId')}
          extra={t('entities.keepBlankHint', { current: entity.legalRepIdMasked ?? '—' })}
          rules={[idCardRule]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('entities.phone')}
          extra={t('entities.keepBlankHint', { current: entity.phoneMasked ?? '—' })}
          rules={[phoneRule(t)]}
        >
          <Input />
        </Form.Item>
        {stations.length > 0 && (
          <Form.Item name="stationId" label={t('entities.station')}>
            <Select options={stations} />
          </Form.Item>
        )}
        <Form.Item name="industryCode" label={t('entities.industry')}>
          <IndustrySelect />
        </Form.Item>
        <Form.Item name="capitalYuan" label={t('entities.capitalYuan')}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="businessScope" label={t('entities.businessScope')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
