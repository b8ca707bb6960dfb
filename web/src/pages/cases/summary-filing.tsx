import { Alert, DatePicker, Form, Input, Modal, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { casesApi, type TCaseDetail } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { caseActionLabel, summaryFilingDueState } from './case-labels.ts';
import { DueCell } from './leads-page.tsx';

/** The detail's 备案 clock card: the due day, running until recorded, coloured like the other clocks. */
export const summaryFilingClock = (item: TCaseDetail) =>
  item.summaryFiling && {
    date: item.summaryFiling.dueOn,
    running: !item.summaryFiling.filedOn,
    state: summaryFilingDueState(item.summaryFiling),
  };

/** The detail's 备案 fact: the day recorded (late tagged), or the due day while it is not. */
export function SummaryFilingFact({ t, item }: { t: Translate; item: TCaseDetail }) {
  const f = item.summaryFiling;
  if (!f) return null;
  return f.filedOn ? (
    <Space size={4}>
      {t('cases.summaryFiled', { date: f.filedOn })}
      {f.late && <Tag color="orange">{t('cases.summaryFiledLate')}</Tag>}
    </Space>
  ) : (
    <DueCell t={t} due={f.dueOn} state={summaryFilingDueState(f)} />
  );
}

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
