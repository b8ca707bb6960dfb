import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CaseAction, caseTransitions } from '../../../../src/domain/case-workflow.ts';
import { casesApi, type TCaseDetail } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import {
  approvalStepLabel,
  caseActionLabel,
  decisionKindOptions,
  formatFen,
  pauseReasonOptions,
  serveMethodOptions,
  yuanToFen,
} from './case-labels.ts';
import {
  emptyPenalty,
  PenaltiesEditor,
  type PenaltyRow,
  penaltyErrorsToForm,
  toPenaltyInputs,
} from './penalties-editor.tsx';

interface Values {
  reason?: string;
  report?: string;
  minutes?: string;
  hearingOn?: Dayjs;
  decisionKind?: string;
  servedOn?: Dayjs;
  serveMethod?: string;
  note?: string;
  penalties?: PenaltyRow[];
  amountYuan?: number;
  paidOn?: Dayjs;
  receiptNo?: string;
  pauseReason?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** One form per case action, with the fields the transition table (src/domain/case-workflow.ts) requires. */
export function CaseActionModal({
  item,
  action,
  onClose,
  onDone,
}: {
  item: TCaseDetail;
  action: CaseAction;
  onClose: () => void;
  onDone: (updated: TCaseDetail) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const transition = caseTransitions[action];
  const needs = new Set<string>(transition.requires);
  const label = (k: string) => (action === 'finishHearing' && k === 'report' ? t('cases.hearingReport') : undefined);

  const onOk = () =>
    submit(async (v) => {
      try {
        const updated = await casesApi.transition(item.id, {
          action,
          version: item.version,
          reason: v.reason?.trim() || undefined,
          report: v.report?.trim() || undefined,
          minutes: v.minutes?.trim() || undefined,
          hearingOn: day(v.hearingOn),
          decisionKind: v.decisionKind,
          servedOn: day(v.servedOn),
          serveMethod: v.serveMethod,
          note: v.note?.trim() || undefined,
          penalties: needs.has('penalties') ? toPenaltyInputs(v.penalties) : undefined,
          amountFen: needs.has('amountFen') ? yuanToFen(v.amountYuan) : undefined,
          paidOn: day(v.paidOn),
          receiptNo: v.receiptNo?.trim() || undefined,
          pauseReason: v.pauseReason,
        });
        if (transition.approval && updated.pendingAction)
          message.info(t('cases.sentForApproval', { step: approvalStepLabel(t, transition.approval) }));
        onDone(updated);
      } catch (err) {
        throw penaltyErrorsToForm(err);
      }
    });

  const initialPenalties: PenaltyRow[] = item.penalties.length
    ? item.penalties.map((p) => ({
        kind: p.kind,
        amountYuan: p.amountFen ? p.amountFen / 100 : undefined,
        discretion: p.discretion,
        discretionBasis: p.discretionBasis ?? undefined,
      }))
    : [{ ...emptyPenalty }];

  return (
    <Modal
      open
      width={needs.has('penalties') ? 720 : 520}
      title={`${caseActionLabel(t, action)} · ${item.caseNo ?? item.title}`}
      onCancel={onClose}
      onOk={onOk}
      okText={transition.approval ? t('cases.submitForApproval') : t('common.confirm')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'case-action-ok' }}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="case-action-modal"
    >
      {transition.approval && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.needsApproval', { step: approvalStepLabel(t, transition.approval) })}
        />
      )}
      <FormAlert failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          penalties: initialPenalties,
          decisionKind: 'penalty',
          servedOn: dayjs(),
          paidOn: dayjs(),
          serveMethod: 'direct',
          amountYuan: item.fineDueFen > item.paidFen ? (item.fineDueFen - item.paidFen) / 100 : undefined,
        }}
      >
        {action === 'pauseClock' && (
          <Form.Item
            name="pauseReason"
            label={t('cases.pauseReason')}
            rules={[{ required: true, message: t('cases.pauseReasonRequired') }]}
          >
            <Select options={pauseReasonOptions(t)} data-testid="case-field-pause-reason" />
          </Form.Item>
        )}
        {needs.has('penalties') && <PenaltiesEditor />}
        {needs.has('decisionKind') && (
          <Form.Item name="decisionKind" label={t('cases.decisionKind')} rules={[{ required: true }]}>
            <Select options={decisionKindOptions(t)} data-testid="case-field-decision-kind" />
          </Form.Item>
        )}
        {needs.has('hearingOn') && (
          <Form.Item
            name="hearingOn"
            label={t('cases.hearingOn')}
            extra={t('cases.hearingOnHint')}
            rules={[{ required: true, message: t('cases.hearingOnRequired') }]}
          >
            <DatePicker
              disabledDate={(d) => d.isBefore(dayjs().add(7, 'day'), 'day')}
              data-testid="case-field-hearing-on"
            />
          </Form.Item>
        )}
        {needs.has('servedOn') && (
          <Form.Item name="servedOn" label={t('cases.servedOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-field-served-on" />
          </Form.Item>
        )}
        {needs.has('serveMethod') && (
          <Form.Item name="serveMethod" label={t('cases.serveMethod')} rules={[{ required: true }]}>
            <Select options={serveMethodOptions(t)} data-testid="case-field-serve-method" />
          </Form.Item>
        )}
        {needs.has('amountFen') && (
          <>
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              title={t('cases.paymentOutstanding', {
                due: formatFen(item.fineDueFen),
                paid: formatFen(item.paidFen),
              })}
            />
            <Form.Item
              name="amountYuan"
              label={t('cases.paymentYuan')}
              rules={[{ required: true, message: t('cases.amountRequired') }]}
            >
              <InputNumber min={0.01} precision={2} style={{ width: 200 }} data-testid="case-field-amount" />
            </Form.Item>
            <Form.Item name="receiptNo" label={t('cases.receiptNo')}>
              <Input maxLength={100} data-testid="case-field-receipt" />
            </Form.Item>
          </>
        )}
        {needs.has('paidOn') && (
          <Form.Item name="paidOn" label={t('cases.paidOn')} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="case-field-paid-on" />
          </Form.Item>
        )}
        {needs.has('report') && (
          <Form.Item
            name="report"
            label={label('report') ?? t('cases.report')}
            rules={[{ required: true, whitespace: true, message: t('cases.reportRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={10000} data-testid="case-field-report" />
          </Form.Item>
        )}
        {needs.has('minutes') && (
          <Form.Item
            name="minutes"
            label={t('cases.minutes')}
            rules={[{ required: true, whitespace: true, message: t('cases.minutesRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={10000} data-testid="case-field-minutes" />
          </Form.Item>
        )}
        {needs.has('reason') && (
          <Form.Item
            name="reason"
            label={t('cases.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('cases.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} data-testid="case-field-reason" />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={action === 'recordStatement' ? t('cases.statement') : t('cases.note')}
          rules={needs.has('note') ? [{ required: true, whitespace: true, message: t('cases.noteRequired') }] : []}
        >
          <Input.TextArea rows={needs.has('note') ? 4 : 2} maxLength={5000} data-testid="case-field-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
