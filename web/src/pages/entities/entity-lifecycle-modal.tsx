import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TEntityDetail } from '../../../../src/contracts/entities.ts';
import { entityLifecycle, type LifecycleKind } from '../../../../src/domain/entity-lifecycle.ts';
import { entitiesApi } from '../../api/entities.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { eventKindLabel } from './entity-refs.ts';

interface Values {
  kind: LifecycleKind;
  occurredOn: Dayjs;
  note?: string;
}

interface Props {
  entity: TEntityDetail;
  onClose: () => void;
  onSaved: (entity: TEntityDetail) => void;
}

/** The kinds the transition table allows from the current status (the server checks again). */
export const allowedKinds = (status: TEntityDetail['status']): LifecycleKind[] =>
  (Object.keys(entityLifecycle) as LifecycleKind[]).filter((k) => entityLifecycle[k].from.includes(status));

/** Deregister, move out, move in, suspend, resume, revoke. */
export function EntityLifecycleModal({ entity, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const options = allowedKinds(entity.status).map((k) => ({ value: k, label: eventKindLabel(t, k) }));

  const onOk = () =>
    submit(async (v) => {
      const saved = await entitiesApi.lifecycle(entity.id, {
        kind: v.kind,
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
        version: entity.version,
      });
      onSaved(saved);
    });

  return (
    <Modal
      open
      title={t('entities.lifecycle')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'entity-lifecycle-ok' }}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }}>
        <Form.Item
          name="kind"
          label={t('entities.lifecycleKind')}
          rules={[{ required: true, message: t('entities.lifecycleKindRequired') }]}
        >
          <Select options={options} data-testid="entity-lifecycle-kind" />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('entities.occurredOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="note" label={t('entities.note')}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
