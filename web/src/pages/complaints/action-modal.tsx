import { Form, Input, InputNumber, Modal, Select } from 'antd';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { complaintTransitions } from '../../../../src/domain/complaint-workflow.ts';
import { complaintsApi, type TRuleSet, type TTransitionInput } from '../../api/complaints.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { feedbackChannelOptions, yuanToFen } from './complaint-labels.ts';

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
      title={`${transition.label} · ${item.trackingCode}`}
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
            label={`理由（${ruleSet?.citation ?? item.ruleSet.citation}）`}
            rules={[{ required: true, message: '请选择理由' }]}
          >
            <Select
              options={grounds?.map((g) => ({ value: g.code, label: g.label }))}
              optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              data-testid="action-field-ground"
            />
          </Form.Item>
        )}
        {needs.has('authority') && (
          <Form.Item name="authority" label="移送机关" rules={[{ required: true, min: 2, message: '请填写移送机关' }]}>
            <Input maxLength={200} data-testid="action-field-authority" />
          </Form.Item>
        )}
        {(needs.has('reason') || reasonOptional) && (
          <Form.Item
            name="reason"
            label={reasonOptional ? '说明' : '原因'}
            rules={needs.has('reason') ? [{ required: true, min: 2, message: '请说明原因' }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="action-field-reason" />
          </Form.Item>
        )}
        {needs.has('recoveredFen') && (
          <Form.Item
            name="recoveredYuan"
            label="挽回经济损失（元）"
            rules={[{ required: true, message: '请填写挽回金额，没有则填0' }]}
          >
            <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid="action-field-recovered" />
          </Form.Item>
        )}
        {needs.has('answerText') && (
          <Form.Item name="answerText" label="答复内容" rules={[{ required: true, min: 2, message: '请填写答复内容' }]}>
            <Input.TextArea rows={4} maxLength={5000} data-testid="action-field-answer" />
          </Form.Item>
        )}
        {needs.has('feedbackText') && (
          <>
            <Form.Item
              name="feedbackText"
              label="反馈内容"
              rules={[{ required: true, min: 2, message: '请填写反馈内容' }]}
            >
              <Input.TextArea rows={4} maxLength={5000} data-testid="action-field-feedback" />
            </Form.Item>
            <Form.Item name="feedbackChannel" label="反馈方式">
              <Select options={feedbackChannelOptions(t)} style={{ width: 160 }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="备注">
          <Input maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
