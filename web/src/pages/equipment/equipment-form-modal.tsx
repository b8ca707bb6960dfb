import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TEquipment } from '../../../../src/contracts/equipment.ts';
import { equipmentApi } from '../../api/equipment.ts';
import { isApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useAsync } from '../../lib/use-async.ts';
import { EntityPicker } from '../cases/case-pickers.tsx';

type Values = {
  equipmentCode: string;
  categoryCode: string;
  registrationNo?: string;
  entityId: number;
  makerName?: string;
  maintenanceUnitName?: string;
  maintenanceEntityId?: number;
  address: string;
  regionCode?: string;
  latitude?: number;
  longitude?: number;
  firstUsedOn?: Dayjs;
  nextInspectionDue?: Dayjs;
};

/** 登记特种设备: the server checks the code against the category and the dates; field errors land on the fields. */
export function EquipmentFormModal({ onClose, onDone }: { onClose: () => void; onDone: (e: TEquipment) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const categories = useAsync((signal) => equipmentApi.categories({ signal }), ['equipment', 'categories']);
  const submit = (v: Values) => {
    setBusy(true);
    equipmentApi
      .create({
        ...v,
        registrationNo: v.registrationNo || null,
        regionCode: v.regionCode || null,
        firstUsedOn: v.firstUsedOn?.format('YYYY-MM-DD') ?? null,
        nextInspectionDue: v.nextInspectionDue?.format('YYYY-MM-DD') ?? null,
      })
      .then(onDone, (err: unknown) => {
        if (isApiError(err)) applyFieldErrors(form, err.errors);
        message.error((err as Error).message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      title={t('equipment.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'equipment-form-ok' }}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="equipment-form">
        <Form.Item name="categoryCode" label={t('equipment.category')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="equipment-form-category"
            options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="equipmentCode" label={t('equipment.code')} rules={[{ required: true }]}>
          <Input data-testid="equipment-form-code" />
        </Form.Item>
        <Form.Item name="registrationNo" label={t('equipment.registrationNo')}>
          <Input data-testid="equipment-form-registration" />
        </Form.Item>
        <Form.Item name="entityId" label={t('equipment.entity')} rules={[{ required: true }]}>
          <EntityPicker testId="equipment-form-entity" />
        </Form.Item>
        <Form.Item name="makerName" label={t('equipment.maker')}>
          <Input data-testid="equipment-form-maker" />
        </Form.Item>
        <Form.Item
          name="maintenanceUnitName"
          label={t('equipment.maintenanceUnit')}
          extra={t('equipment.form.liftMaintenance')}
        >
          <Input data-testid="equipment-form-maintenance" />
        </Form.Item>
        <Form.Item name="maintenanceEntityId" label={t('equipment.maintenanceEntity')}>
          <EntityPicker testId="equipment-form-maintenance-entity" />
        </Form.Item>
        <Form.Item name="address" label={t('equipment.address')} rules={[{ required: true }]}>
          <Input data-testid="equipment-form-address" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('equipment.township')}>
          <Input placeholder="440605001" />
        </Form.Item>
        <Form.Item name="latitude" label={t('equipment.latitude')}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="longitude" label={t('equipment.longitude')}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="firstUsedOn" label={t('equipment.firstUsedOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="equipment-form-first-used" />
        </Form.Item>
        <Form.Item name="nextInspectionDue" label={t('equipment.nextDue')}>
          <DatePicker style={{ width: '100%' }} data-testid="equipment-form-next-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
