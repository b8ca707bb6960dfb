import { App, Form, Input, Modal } from 'antd';
import { casesApi } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { approvalStepLabel } from './case-labels.ts';

export type ApprovalOutcome = 'approved' | 'returned';

/** 同意 or 退回 one approver's row of a request, with a comment (required to return). */
export function ApprovalDecideModal({
  approval,
  outcome,
  onClose,
  onDone,
}: {
  approval: { id: number; step: string };
  outcome: ApprovalOutcome;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      await casesApi.decideApproval(approval.id, outcome, v.comment?.trim() ?? '');
      message.success(outcome === 'approved' ? t('cases.approvedDone') : t('cases.returnedDone'));
      onDone();
    });
  return (
    <Modal
      open
      title={`${outcome === 'approved' ? t('cases.approve') : t('cases.return')} · ${approvalStepLabel(t, approval.step)}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ danger: outcome === 'returned', 'data-testid': 'approval-ok' }}
      destroyOnHidden
      data-testid="approval-modal"
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="comment"
          label={t('cases.comment')}
          rules={
            outcome === 'returned' ? [{ required: true, whitespace: true, message: t('cases.commentRequired') }] : []
          }
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="approval-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
