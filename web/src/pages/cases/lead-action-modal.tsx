import { Form, Input, Modal, Select } from 'antd';
import { leadTransitions } from '../../../../src/domain/case-workflow.ts';
import { casesApi, type LeadTransitionInput, type TLeadDetail } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { groundOptions, leadActionLabel, pauseReasonOptions } from './case-labels.ts';
import { CasePicker } from './case-pickers.tsx';

type Values = Omit<LeadTransitionInput, 'action' | 'version'>;
type Action = LeadTransitionInput['action'];

/** 延期, 中止/恢复计时, 不予立案, 并案: the fields the lead transition table requires. */
export function LeadActionModal({
  lead,
  action,
  onClose,
  onDone,
}: {
  lead: TLeadDetail;
  action: Action;
  onClose: () => void;
  onDone: (l: TLeadDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const needs = new Set<string>(leadTransitions[action as keyof typeof leadTransitions]?.requires ?? []);
  const ground = Form.useWatch('ground', form);

  const onOk = () =>
    submit(async (v) => {
      onDone(await casesApi.leadTransition(lead.id, { ...v, action, version: lead.version }));
    });

  return (
    <Modal
      open
      title={`${leadActionLabel(t, action)} · ${lead.code}`}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'lead-action-ok' }}
      destroyOnHidden
      data-testid="lead-action-modal"
    >
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical">
        {action === 'pauseClock' && (
          <Form.Item
            name="pauseReason"
            label={t('cases.pauseReason')}
            rules={[{ required: true, message: t('cases.pauseReasonRequired') }]}
          >
            <Select options={pauseReasonOptions(t, true)} data-testid="lead-field-pause-reason" />
          </Form.Item>
        )}
        {needs.has('ground') && (
          <Form.Item
            name="ground"
            label={t('cases.notFileGround')}
            rules={[{ required: true, message: t('cases.groundRequired') }]}
          >
            <Select
              options={groundOptions(t)}
              optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
              data-testid="lead-field-ground"
            />
          </Form.Item>
        )}
        {needs.has('ground') && ground === 'no_jurisdiction' && (
          <Form.Item
            name="transferredTo"
            label={t('cases.transferredTo')}
            rules={[{ required: true, whitespace: true, message: t('cases.transferredToRequired') }]}
          >
            <Input maxLength={200} data-testid="lead-field-transferred-to" />
          </Form.Item>
        )}
        {needs.has('targetCaseId') && (
          <Form.Item
            name="targetCaseId"
            label={t('cases.mergeInto')}
            rules={[{ required: true, message: t('cases.mergeIntoRequired') }]}
          >
            <CasePicker testId="lead-field-target-case" />
          </Form.Item>
        )}
        {needs.has('reason') && (
          <Form.Item
            name="reason"
            label={t('cases.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('cases.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="lead-field-reason" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('cases.note')}>
          <Input maxLength={1000} data-testid="lead-field-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
