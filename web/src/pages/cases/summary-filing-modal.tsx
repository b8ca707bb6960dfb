import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { casesApi, type TCaseDetail } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { caseActionLabel } from './case-labels.ts';

interface Values {
  summaryFiledOn?: Dayjs;
  note?: string;
}

/**
 * 简易程序备案 (the case transition `summaryFile`): the date the decision was filed with the unit, recorded by the
 * officers' chief. Kept apart from CaseActionModal, whose forms are the general procedure's.
 */
export function SummaryFilingModal({
  item,
  onClose,
  onDone,
}: {
  item: TCaseDetail;
  onClose: () => void;
  onDone: (updated: TCaseDetail) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const today = dayjs(shanghaiToday());
  const due = item.summaryFiling?.dueOn;

  const onOk = () =>
    submit(async (v) => {
      const updated = await casesApi.transition(item.id, {
        action: 'summaryFile',
        version: item.version,
        summaryFiledOn: v.summaryFiledOn?.format('YYYY-MM-DD'),
        note: v.note?.trim() || undefined,
      });
      onDone(updated);
    });

  return (
    <Modal
      open
      title={`${caseActionLabel(t, 'summaryFile')} · ${item.decisionNo ?? item.title}`}
      onCancel={onClose}
      onOk={onOk}
      okText={t('common.confirm')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'case-action-ok' }}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="case-action-modal"
    >
      {due && (
        <Alert
          type={item.summaryFiling?.overdue ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('cases.summaryFilingDueOn')}: ${due}`}
        />
      )}
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical" initialValues={{ summaryFiledOn: today }}>
        <Form.Item
          name="summaryFiledOn"
          label={t('cases.summaryFiledOn')}
          rules={[{ required: true, message: t('cases.summaryFiledOnRequired') }]}
        >
          <DatePicker
            disabledDate={(d) => d.isAfter(today, 'day') || (!!item.decidedOn && d.isBefore(item.decidedOn, 'day'))}
            data-testid="case-field-summary-filed-on"
          />
        </Form.Item>
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} maxLength={5000} data-testid="case-field-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
