import { Form, Input, Modal } from 'antd';
import type { TListing } from '../../../../src/contracts/credit.ts';
import { creditApi } from '../../api/credit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { creditListLabels } from './credit-labels.ts';

interface Values {
  applicantName: string;
  applicationText: string;
}

export function RepairApplyModal({
  listing,
  onClose,
  onDone,
}: {
  listing: TListing;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      await creditApi.applyRepair({ listingId: listing.id, ...v });
      onDone();
    });
  return (
    <Modal
      open
      title={`信用修复申请 · 移出${creditListLabels[listing.list]}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical">
        <Form.Item name="applicantName" label="申请人" rules={[{ required: true, message: '请填写申请人' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="applicationText"
          label="申请事由"
          rules={[{ required: true, min: 2, message: '请填写申请事由' }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
