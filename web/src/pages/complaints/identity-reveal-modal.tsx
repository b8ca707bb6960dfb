import { Form, Input, Modal, Typography } from 'antd';
import { complaintsApi, type TComplaintIdentity } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
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
  const t = useT();
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
      title={t('complaints.revealTitle')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('complaints.revealOk')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'identity-ok' }}
    >
      <Typography.Paragraph type="secondary">
        {confidential ? t('complaints.revealConfidential') : ''}
        {t('complaints.revealExplain')}{' '}
      </Typography.Paragraph>
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('complaints.revealReason')}
          rules={[
            { required: true, whitespace: true, message: t('complaints.revealReasonRequired') },
            { min: 4, max: 200, message: t('complaints.revealReasonLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="identity-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
