import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TAppeal, TReply, TRevisit } from '../../../../../src/contracts/food-appeals.ts';
import { annualGrades, dynamicGrades } from '../../../../../src/contracts/food-appeals.ts';
import { foodAppealsApi } from '../../../api/food-appeals.ts';
import { FormAlert } from '../../../components/form-alert.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useFormSubmit } from '../../../lib/use-form-submit.ts';

export const gradeLabel = (t: ReturnType<typeof useT>, g: string) => t(`foodAppeals.grade.${g}` as MessageKey);

/** 决定申诉: uphold, change (to a grade of the same kind) or withdraw, with reasons. */
export function AppealDecisionDialog(props: { appeal: TAppeal; onClose: (changed: boolean) => void }) {
  const t = useT();
  const { appeal } = props;
  const [form] = Form.useForm<{ outcome: string; grade?: string; reason: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const outcome = Form.useWatch('outcome', form);
  const grades = (appeal.grade.kind === 'dynamic' ? dynamicGrades : annualGrades).filter(
    (g) => g !== appeal.grade.grade,
  );
  const ok = () =>
    submit(async (v) => {
      await foodAppealsApi.decide(appeal.id, { ...v, version: appeal.version });
      props.onClose(true);
    });
  return (
    <Modal
      open
      title={`${t('foodAppeals.decideTitle')} · ${appeal.entityName}`}
      onOk={ok}
      confirmLoading={submitting}
      onCancel={() => props.onClose(false)}
      okButtonProps={{ 'data-testid': 'appeal-decide-ok' } as Record<`data-${string}`, string>}
    >
      <Alert type="info" showIcon message={t('foodAppeals.recusal')} style={{ marginBottom: 12 }} />
      <FormAlert failure={failure} />
      <p>
        {gradeLabel(t, appeal.grade.grade)} · {appeal.grade.gradedOn}
      </p>
      <p>{appeal.grounds}</p>
      <Form form={form} layout="vertical" initialValues={{ outcome: 'uphold' }}>
        <Form.Item name="outcome" label={t('foodAppeals.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            options={(['uphold', 'change', 'withdrawGrade'] as const).map((o) => ({
              value: o,
              label: t(`foodAppeals.outcome.${o}`),
            }))}
          />
        </Form.Item>
        {outcome === 'change' && (
          <Form.Item name="grade" label={t('foodAppeals.newGrade')} rules={[{ required: true }]}>
            <Select options={grades.map((g) => ({ value: g, label: gradeLabel(t, g) }))} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('foodAppeals.outcomeReason')} rules={[{ required: true, min: 5 }]}>
          <Input.TextArea rows={4} maxLength={2000} data-testid="appeal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 审核答复: publish it beside the grade, or reject it with a reason. */
export function ReplyReviewDialog(props: { reply: TReply; onClose: (changed: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ decision: 'publish' | 'reject'; reason?: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const decision = Form.useWatch('decision', form);
  const ok = () =>
    submit(async (v) => {
      await foodAppealsApi.reviewReply(props.reply.id, { ...v, version: props.reply.version });
      props.onClose(true);
    });
  return (
    <Modal
      open
      title={props.reply.entityName}
      onOk={ok}
      confirmLoading={submitting}
      onCancel={() => props.onClose(false)}
    >
      <FormAlert failure={failure} />
      <p>{props.reply.body}</p>
      <Form form={form} layout="vertical" initialValues={{ decision: 'publish' }}>
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'publish', label: t('foodAppeals.reply.publish') },
              { value: 'reject', label: t('foodAppeals.reply.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'reject' && (
          <Form.Item name="reason" label={t('foodAppeals.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 受理复评: accept (plans a revisit inspection) or reject with a reason. */
export function RevisitDecisionDialog(props: { revisit: TRevisit; onClose: (changed: boolean) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ decision: 'accept' | 'reject'; reason?: string; plannedOn?: Dayjs }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const decision = Form.useWatch('decision', form);
  const ok = () =>
    submit(async (v) => {
      await foodAppealsApi.decideRevisit(props.revisit.id, {
        decision: v.decision,
        reason: v.reason,
        plannedOn: v.plannedOn?.format('YYYY-MM-DD'),
        version: props.revisit.version,
      });
      props.onClose(true);
    });
  return (
    <Modal
      open
      title={props.revisit.entityName}
      onOk={ok}
      confirmLoading={submitting}
      onCancel={() => props.onClose(false)}
    >
      <FormAlert failure={failure} />
      <p>{props.revisit.reason}</p>
      <Form form={form} layout="vertical" initialValues={{ decision: 'accept' }}>
        <Form.Item name="decision">
          <Radio.Group
            options={[
              { value: 'accept', label: t('foodAppeals.revisit.accept') },
              { value: 'reject', label: t('foodAppeals.revisit.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'accept' ? (
          <Form.Item name="plannedOn" label={t('foodAppeals.revisit.plannedOn')}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item name="reason" label={t('foodAppeals.reason')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
