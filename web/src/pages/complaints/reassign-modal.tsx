import { Form, Input, Modal, Select } from 'antd';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { complaintsApi } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

interface Values {
  stationId?: number;
  handlerId?: number;
  reason: string;
}

/** 转办: to another station (its files go along) or to another handler. */
export function ReassignModal({
  item,
  onClose,
  onDone,
}: {
  item: TComplaintDetail;
  onClose: () => void;
  onDone: (updated: TComplaintDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const stations = useAsync((signal) => complaintsApi.stations({ signal }), queryKeys.complaints.stations());
  const onOk = () =>
    submit(async (v) => {
      onDone(
        await complaintsApi.reassign(item.id, {
          stationId: v.stationId !== item.stationId ? v.stationId : undefined,
          handlerId: v.handlerId,
          reason: v.reason,
          version: item.version,
        }),
      );
    });
  return (
    <Modal
      open
      title={t('complaints.action.reassign')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'reassign-ok' }}
    >
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical" initialValues={{ stationId: item.stationId }}>
        <Form.Item name="stationId" label={t('complaints.reassignUnit')}>
          <Select
            loading={stations.loading}
            options={(stations.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="reassign-station"
          />
        </Form.Item>
        <Form.Item name="handlerId" label={t('complaints.reassignHandler')}>
          <UserSelect placeholder={t('complaints.searchName')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('complaints.reassignReason')}
          rules={[{ required: true, min: 2, message: t('complaints.reassignReasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="reassign-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
