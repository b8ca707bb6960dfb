import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { complaintTransitions } from '../../../../src/domain/complaint-workflow.ts';
import { complaintsApi, type TRuleSet, type TTransitionInput } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { complaintActionLabel, feedbackChannelOptions, yuanToFen } from './complaint-labels.ts';

type Action = TTransitionInput['action'];

interface Values {
  ground?: string;
  reason?: string;
  recoveredYuan?: number;
  authority?: string;
  answerText?: string;
  feedbackText?: string;
  feedbackChannel?: TTransitionInput['feedbackChannel'];
  note?: string;
}

interface Props {
  item: TComplaintDetail;
  action: Action;
  ruleSet: TRuleSet | undefined;
  onClose: () => void;
  onDone: (item: TComplaintDetail) => void;
}

/** One form per workflow action, with the fields the transition table requires (grounds from the item's rule set). */
export function ActionModal({ item, action, ruleSet, onClose, onDone }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const transition = complaintTransitions[action];
  const needs = new Set<string>(transition.requires);
  const grounds = action === 'reject' ? ruleSet?.notAcceptedGrounds : ruleSet?.terminationGrounds;
  const reasonOptional = action === 'reject' || action === 'terminateMediation';

  const onOk = () =>
    submit(async (v) => {
      const { recoveredYuan, ...rest } = v;
      const updated = await complaintsApi.transition(item.id, {
        action,
        version: item.version,
        ...rest,
        recoveredFen: needs.has('recoveredFen') ? yuanToFen(recoveredYuan) : undefined,
      });
      onDone(updated);
    });

  return (
    <Modal
      open
      title={`${complaintActionLabel(t, action)} · ${item.trackingCode}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'action-ok' }}
      destroyOnHidden
      data-testid="action-modal"
    >
      <FormAlert failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ feedbackChannel: 'phone', recoveredYuan: item.amountFen ? item.amountFen / 100 : undefined }}
      >
        {needs.has('ground') && (
          <Form.Item
            name="ground"
            label={t('complaints.groundCited', { citation: ruleSet?.citation ?? item.ruleSet.citation })}
            rules={[{ required: true, message: t('complaints.groundRequired') }]}
          >
            <Select
              options={grounds?.map((g) => ({ value: g.code, label: g.label }))}
              optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              data-testid="action-field-ground"
            />
          </Form.Item>
        )}
        {needs.has('authority') && (
          <Form.Item
            name="authority"
            label={t('complaints.authority')}
            rules={[{ required: true, min: 2, message: t('complaints.authorityRequired') }]}
          >
            <Input maxLength={200} data-testid="action-field-authority" />
          </Form.Item>
        )}
        {(needs.has('reason') || reasonOptional) && (
          <Form.Item
            name="reason"
            label={reasonOptional ? t('complaints.explanation') : t('complaints.reason')}
            rules={needs.has('reason') ? [{ required: true, min: 2, message: t('complaints.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="action-field-reason" />
          </Form.Item>
        )}
        {needs.has('recoveredFen') && (
          <Form.Item
            name="recoveredYuan"
            label={t('complaints.recoveredYuan')}
            rules={[{ required: true, message: t('complaints.recoveredRequired') }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="action-field-recovered" />
          </Form.Item>
        )}
        {needs.has('answerText') && (
          <Form.Item
            name="answerText"
            label={t('complaints.answerText')}
            rules={[{ required: true, min: 2, message: t('complaints.answerRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={5000} data-testid="action-field-answer" />
          </Form.Item>
        )}
        {needs.has('feedbackText') && (
          <>
            <Form.Item
              name="feedbackText"
              label={t('complaints.feedbackText')}
              rules={[{ required: true, min: 2, message: t('complaints.feedbackRequired') }]}
            >
              <Input.TextArea rows={4} maxLength={5000} data-testid="action-field-feedback" />
            </Form.Item>
            <Form.Item name="feedbackChannel" label={t('complaints.feedbackChannel')}>
              <Select options={feedbackChannelOptions(t)} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('complaints.note')}>
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
