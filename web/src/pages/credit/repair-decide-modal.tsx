import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { TRepair } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi, type TDecision } from '../../api/credit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
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
  const t = useT();
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
      title={`${step === 'review' ? t('credit.review') : t('credit.decide')} · ${repair.entityName}`}
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
          message={repair.conditions.map((c) => `${c.met ? '✔' : '✘'} ${c.label}`).join(t('common.messageSeparator'))}
          description={t('credit.recheckOnDecide')}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ decision: unmet.length ? 'reject' : 'approve', decidedOn: shanghaiToday() }}
      >
        {step === 'review' ? (
          <Form.Item
            name="opinion"
            label={t('credit.opinion')}
            rules={[{ required: true, min: 2, message: t('credit.opinionRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="decision" label={t('credit.decision')}>
              <Radio.Group
                options={[
                  { value: 'approve', label: t('status.creditRepair.approved') },
                  { value: 'reject', label: t('status.creditRepair.rejected') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="decisionNo"
              label={t('credit.decisionNo')}
              rules={[{ required: true, min: 2, message: t('credit.decisionNoRequired') }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('credit.reason')}
              rules={[{ required: true, min: 2, message: t('credit.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="decidedOn"
              label={t('credit.decidedOn')}
              rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('credit.dateFormat') }]}
            >
              <Input style={{ width: 140 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
