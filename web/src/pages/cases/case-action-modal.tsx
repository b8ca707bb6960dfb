import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type CaseAction, caseTransitions } from '../../../../src/domain/case-workflow.ts';
import { type CaseTransitionInput, casesApi, type TCaseDetail } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import {
  approvalStepLabel,
  caseActionLabel,
  decisionKindOptions,
  formatFen,
  pauseReasonOptions,
  paymentKindOptions,
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
  instalments?: { dueOn?: Dayjs; amountYuan?: number }[];
  court?: string;
  paymentKind?: 'fine' | 'late_fee' | 'confiscation';
  reason?: string;
  report?: string;
  minutes?: string;
  hearingOn?: Dayjs;
  decisionKind?: CaseTransitionInput['decisionKind'];
  servedOn?: Dayjs;
  serveMethod?: CaseTransitionInput['serveMethod'];
  note?: string;
  penalties?: PenaltyRow[];
  amountYuan?: number;
  paidOn?: Dayjs;
  receiptNo?: string;
  pauseReason?: CaseTransitionInput['pauseReason'];
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
  /** The case as it now is; undefined when the call answered with something else (reload it). */
  onDone: (updated?: TCaseDetail) => void;
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
        // Payments, instalments and enforcement have their own endpoints (case-execution); the rest are transitions.
        if (action === 'recordPayment') {
          await casesApi.recordPayment(item.id, {
            kind: v.paymentKind ?? 'fine',
            amountFen: yuanToFen(v.amountYuan),
            paidOn: day(v.paidOn) ?? '',
            receiptNo: v.receiptNo?.trim() || undefined,
            version: item.version,
          });
          return onDone();
        }
        if (action === 'approveInstalment') {
          await casesApi.requestInstalments(item.id, {
            instalments: (v.instalments ?? []).map((i) => ({
              dueOn: day(i.dueOn) ?? '',
              amountFen: yuanToFen(i.amountYuan),
            })),
            reason: v.reason?.trim() ?? '',
            version: item.version,
          });
          message.info(t('cases.sentForApproval', { step: approvalStepLabel(t, 'instalment') }));
          return onDone();
        }
        if (action === 'applyEnforcement') {
          await casesApi.applyEnforcement(item.id, {
            note: v.note?.trim() ?? '',
            court: v.court?.trim() || undefined,
            version: item.version,
          });
          return onDone();
        }
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
      cancelButtonProps={{ 'data-testid': 'case-action-cancel' }}
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
          paymentKind: 'fine',
          instalments: [{ dueOn: dayjs().add(1, 'month') }],
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
            <Form.Item name="paymentKind" label={t('cases.paymentKind')}>
              <Select options={paymentKindOptions(t)} data-testid="case-field-payment-kind" />
            </Form.Item>
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
        {action === 'approveInstalment' && <InstalmentsEditor />}
        {action === 'applyEnforcement' && (
          <Form.Item name="court" label={t('cases.court')}>
            <Input maxLength={100} data-testid="case-field-court" />
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

/** 分期/延期缴纳: the due days and amounts that together cover the unpaid fine. */
function InstalmentsEditor() {
  const t = useT();
  return (
    <Form.List name="instalments">
      {(fields, { add, remove }) => (
        <Form.Item label={t('cases.instalments')}>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" wrap>
              <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true, message: t('cases.dueOnRequired') }]}>
                <DatePicker placeholder={t('cases.dueOn')} data-testid={`instalment-${i}-due`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'amountYuan']}
                rules={[{ required: true, message: t('cases.amountRequired') }]}
              >
                <InputNumber
                  min={0.01}
                  precision={2}
                  placeholder={t('cases.amountYuan')}
                  data-testid={`instalment-${i}-amount`}
                />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.delete')}
                />
              )}
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})}>
            {t('cases.instalmentAdd')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
