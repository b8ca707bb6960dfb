import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { casesApi, type TLeadDetail, type TViolationType } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { yuanToFen } from './case-labels.ts';
import { OfficerSelect, useCaseSettings, useViolationTypes, ViolationTypeSelect } from './case-pickers.tsx';
import { PartyFields, type PartyValues } from './party-fields.tsx';
import { renameErrorPaths } from './penalties-editor.tsx';

interface Values extends PartyValues {
  title: string;
  facts: string;
  actOn: Dayjs;
  violationTypeIds: number[];
  officerIds: number[];
  caseValueYuan?: number;
  goodsValueYuan?: number;
}

/** The API's field paths → this form's fields. */
const proposeErrorPaths: [RegExp, string][] = [
  [/^party\.name$/, 'partyName'],
  [/^party\.idNumber$/, 'partyIdNo'],
  [/^party\.uscc$/, 'partyUscc'],
  [/^party\.address$/, 'partyAddress'],
  [/^party$/, 'partyName'],
  [/^officers(\.\d+(\.userId)?)?$/, 'officerIds'],
  [/^violationTypeIds\.\d+$/, 'violationTypeIds'],
  [/^caseValueFen$/, 'caseValueYuan'],
  [/^goodsValueFen$/, 'goodsValueYuan'],
];

/** 行政处罚法 Art. 36: 2 years from the act, 5 where life, health or financial safety is involved. */
export function limitationOf(actOn: Dayjs | undefined, types: TViolationType[], ids: number[] | undefined) {
  if (!actOn) return undefined;
  const safety = types.some((v) => ids?.includes(v.id) && v.involvesSafety);
  const expires = actOn.add(safety ? 5 : 2, 'year');
  const daysLeft = expires.startOf('day').diff(dayjs().startOf('day'), 'day');
  return { expires: expires.format('YYYY-MM-DD'), daysLeft, years: safety ? 5 : 2 };
}

/** 提请立案: from a lead (its party prefilled) or on its own (source 'staff'). */
export function ProposeCaseModal({
  lead,
  onClose,
  onDone,
}: {
  lead?: TLeadDetail;
  onClose: () => void;
  onDone: (c: { id: number }) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const types = useViolationTypes();
  const settings = useCaseSettings();
  const warningDays = settings.limitationWarningDays;
  const actOn = Form.useWatch('actOn', form);
  const ids = Form.useWatch('violationTypeIds', form);
  const limitation = limitationOf(actOn, types.data?.items ?? [], ids);

  const onOk = () =>
    submit(async (v) => {
      const fromRegistry = v.partyKind === 'organisation' && v.entityId !== undefined;
      const body = {
        entityId: fromRegistry ? v.entityId : undefined,
        party: fromRegistry
          ? undefined
          : {
              kind: v.partyKind,
              name: v.partyName.trim(),
              uscc: v.partyKind === 'organisation' ? v.partyUscc?.trim() || undefined : undefined,
              idNumber: v.partyKind === 'person' ? v.partyIdNo?.trim() || undefined : undefined,
              address: v.partyAddress?.trim() || undefined,
            },
        title: v.title.trim(),
        facts: v.facts.trim(),
        actOn: v.actOn.format('YYYY-MM-DD'),
        violationTypeIds: v.violationTypeIds,
        officers: v.officerIds.map((userId, i) => ({ userId, lead: i === 0 })),
        caseValueFen: yuanToFen(v.caseValueYuan),
        goodsValueFen: yuanToFen(v.goodsValueYuan),
      };
      const created = await (lead
        ? casesApi.proposeFromLead(lead.id, { ...body, version: lead.version })
        : casesApi.propose(body)
      ).catch((err: unknown) => {
        throw renameErrorPaths(err, proposeErrorPaths);
      });
      if (created.limitation.warning || created.limitation.expired)
        message.warning(
          t('cases.limitationSoon', {
            date: created.limitation.expiresOn,
            days: created.limitation.daysLeft,
            years: created.limitation.years,
          }),
        );
      onDone(created);
    });

  return (
    <Modal
      open
      width={720}
      title={lead ? t('cases.proposeFromLead', { title: lead.code }) : t('cases.proposeNew')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('cases.proposeSubmit')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'propose-ok' }}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="propose-modal"
    >
      <FormAlert failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          partyKind: 'organisation',
          entityId: lead?.entityId ?? undefined,
          partyName: lead?.entityName ?? '',
          facts: lead?.summary ?? '',
          officerIds: [],
          violationTypeIds: [],
        }}
      >
        <PartyFields testId="propose" />
        <Form.Item
          name="title"
          label={t('cases.title')}
          rules={[{ required: true, whitespace: true, message: t('cases.titleRequired') }]}
        >
          <Input maxLength={200} data-testid="propose-title" />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('cases.facts')}
          rules={[{ required: true, whitespace: true, message: t('cases.factsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={5000} data-testid="propose-facts" />
        </Form.Item>
        <Form.Item
          name="actOn"
          label={t('cases.actOn')}
          rules={[{ required: true, message: t('cases.actOnRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="propose-act-on" />
        </Form.Item>
        <Form.Item
          name="violationTypeIds"
          label={t('cases.violations')}
          rules={[{ required: true, type: 'array', min: 1, message: t('cases.violationsRequired') }]}
        >
          <ViolationTypeSelect types={types.data?.items ?? []} testId="propose-violations" />
        </Form.Item>
        {limitation && limitation.daysLeft < 0 && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cases.limitationExpired', { date: limitation.expires, years: limitation.years })}
            data-testid="propose-limitation"
          />
        )}
        {limitation && limitation.daysLeft >= 0 && limitation.daysLeft <= warningDays && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cases.limitationSoon', {
              date: limitation.expires,
              days: limitation.daysLeft,
              years: limitation.years,
            })}
            data-testid="propose-limitation"
          />
        )}
        <Form.Item
          name="officerIds"
          label={t('cases.officers')}
          extra={t('cases.officersHint')}
          rules={[{ required: true, type: 'array', min: 2, message: t('cases.officersMin') }]}
        >
          <OfficerSelect testId="propose-officers" />
        </Form.Item>
        <Form.Item name="caseValueYuan" label={t('cases.caseValueYuan')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="goodsValueYuan" label={t('cases.goodsValueYuan')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
