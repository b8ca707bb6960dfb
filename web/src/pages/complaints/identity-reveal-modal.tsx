import { Form, Input, Modal, Typography } from 'antd';
import { complaintsApi, type TComplaintIdentity } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

interface Values {
  reason: string;
}

/** 查看完整信息: the reason is required (4–200 characters) and the reveal is recorded in the audit log. */
export function IdentityRevealModal({
  complaintId,
  confidential,
  onClose,
  onRevealed,
}: {
  complaintId: number;
  confidential: boolean;
  onClose: () => void;
  onRevealed: (identity: TComplaintIdentity, reason: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      const reason = v.reason.trim();
      onRevealed(await complaintsApi.revealIdentity(complaintId, reason), reason);
    });
  return (
    <Modal
      open
      title="查看当事人完整信息"
      onCancel={onClose}
      onOk={onOk}
      okText="查看"
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'identity-ok' }}
    >
      <Typography.Paragraph type="secondary">
        {confidential ? '举报人要求保密。' : ''}
        查看姓名、电话和证件号码须说明原因，本次查看将记入审计日志（不记录当事人信息本身）。
      </Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          name="reason"
          label="查看原因"
          rules={[
            { required: true, whitespace: true, message: '请说明查看原因' },
            { min: 4, max: 200, message: '查看原因为4–200字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="identity-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
