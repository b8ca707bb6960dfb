import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { TRepair } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi, type TDecision } from '../../api/credit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

type Values = TDecision & { opinion: string; decision: 'approve' | 'reject' };

/** 审查 (opinion; the server checks the conditions) or 决定 (approve / reject with the decision document fields). */
export function RepairStepModal({
  repair,
  step,
  onClose,
  onDone,
}: {
  repair: TRepair;
  step: 'review' | 'decide';
  onClose: () => void;
  onDone: (r: TRepair) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      onDone(
        step === 'review'
          ? await creditApi.reviewRepair(repair.id, { opinion: v.opinion, version: repair.version })
          : await creditApi.decideRepair(repair.id, {
              decision: v.decision,
              decisionNo: v.decisionNo,
              reason: v.reason,
              decidedOn: v.decidedOn,
              version: repair.version,
            }),
      );
    });
  const unmet = repair.conditions?.filter((c) => !c.met) ?? [];
  return (
    <Modal
      open
      title={`${step === 'review' ? '审查' : '决定'} · ${repair.entityName}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      {step === 'decide' && repair.conditions && (
        <Alert
          style={{ marginBottom: 12 }}
          type={unmet.length ? 'warning' : 'success'}
          message={repair.conditions.map((c) => `${c.met ? '✔' : '✘'} ${c.label}`).join('；')}
          description="决定时将按今日事实重新核对条件。"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: unmet.length ? 'reject' : 'approve', decidedOn: shanghaiToday() }}
      >
        {step === 'review' ? (
          <Form.Item name="opinion" label="审查意见" rules={[{ required: true, min: 2, message: '请填写审查意见' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="decision" label="决定">
              <Radio.Group
                options={[
                  { value: 'approve', label: '准予信用修复' },
                  { value: 'reject', label: '不予信用修复' },
                ]}
              />
            </Form.Item>
            <Form.Item name="decisionNo" label="决定书文号" rules={[{ required: true, min: 2, message: '请填写文号' }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="reason" label="理由" rules={[{ required: true, min: 2, message: '请填写理由' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label="决定日期"
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}
            >
              <Input style={{ width: 140 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
