import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, InputNumber, Radio, Result, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TSummaryResult } from '../../../../src/contracts/case-documents.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { casesApi } from '../../api/cases.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { formatFen, yuanToFen } from './case-labels.ts';
import { OfficerSelect, useCaseSettings, useViolationTypes, ViolationTypeSelect } from './case-pickers.tsx';
import { PartyFields, type PartyValues } from './party-fields.tsx';
import { renameErrorPaths } from './penalties-editor.tsx';

interface Values extends PartyValues {
  place: string;
  violationTypeId: number;
  facts: string;
  actOn: Dayjs;
  penalty: 'warning' | 'fine';
  amountYuan?: number;
  officerIds: number[];
}

/** The API's field paths → this form's fields. */
const summaryErrorPaths: [RegExp, string][] = [
  [/^party\.name$/, 'partyName'],
  [/^party\.idNo$/, 'partyIdNo'],
  [/^party\.uscc$/, 'partyUscc'],
  [/^party\.entityId$/, 'entityId'],
  [/^penalties\.\d+\.amountFen$/, 'amountYuan'],
  [/^penalties(\.\d+)?(\.kind)?$/, 'penalty'],
  [/^violationTypeIds(\.\d+)?$/, 'violationTypeId'],
  [/^officerIds\.\d+$/, 'officerIds'],
];

/** Phone width, big targets: inspectors fill this in on the spot. */
export const phoneColumn = { maxWidth: 480, margin: '0 auto' } as const;

/** 简易程序: a warning or a small fine decided on the spot, the decision printed from the phone. */
export function CaseSummaryPage() {
  const t = useT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const types = useViolationTypes();
  const [done, setDone] = useState<TSummaryResult>();
  const kind = Form.useWatch('partyKind', form) ?? 'organisation';
  const penalty = Form.useWatch('penalty', form);
  const settings = useCaseSettings();
  const limitFen = settings.summaryFineLimitFen[kind];
  // The day the act happened is a date in Asia/Shanghai (the server checks it against that day), whatever the
  // phone's own time zone says.
  const today = dayjs(shanghaiToday());

  const onOk = () =>
    submit(async (v) => {
      const organisation = v.partyKind === 'organisation';
      const result = await casesApi
        .summary({
          party: {
            kind: v.partyKind,
            entityId: organisation ? v.entityId : undefined,
            name: v.partyName.trim(),
            uscc: organisation ? v.partyUscc?.trim() || undefined : undefined,
            idNo: organisation ? undefined : v.partyIdNo?.trim() || undefined,
            address: v.partyAddress?.trim() || undefined,
          },
          violationTypeIds: [v.violationTypeId],
          facts: v.facts.trim(),
          place: v.place.trim(),
          actOn: v.actOn.format('YYYY-MM-DD'),
          penalties: [{ kind: v.penalty, amountFen: v.penalty === 'fine' ? yuanToFen(v.amountYuan) : 0 }],
          officerIds: v.officerIds,
        })
        .catch((err: unknown) => {
          throw renameErrorPaths(err, summaryErrorPaths);
        });
      setDone(result);
      window.open(result.pdfUrl, '_blank', 'noopener');
    });

  if (done) {
    return (
      <div style={phoneColumn}>
        <Result
          status="success"
          title={t('cases.summaryDone')}
          subTitle={done.decisionNo}
          extra={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Button
                type="primary"
                size="large"
                block
                icon={<FilePdfOutlined />}
                href={done.pdfUrl}
                target="_blank"
                data-testid="summary-pdf"
              >
                {t('cases.summaryPrint')}
              </Button>
              <Button size="large" block onClick={() => navigate(`/cases/${done.caseId}`)}>
                {t('cases.openCase')}
              </Button>
              <Button
                size="large"
                block
                onClick={() => {
                  form.resetFields();
                  setDone(undefined);
                }}
              >
                {t('cases.summaryAnother')}
              </Button>
            </Space>
          }
        />
      </div>
    );
  }

  return (
    <div style={phoneColumn}>
      <PageHeader title={t('nav.caseSummary')} />
      <FormAlert failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        initialValues={{ partyKind: 'organisation', penalty: 'warning', actOn: today, officerIds: [] }}
        data-testid="summary-form"
      >
        <PartyFields testId="summary" buttons />
        <Form.Item
          name="violationTypeId"
          label={t('cases.violation')}
          rules={[{ required: true, message: t('cases.violationsRequired') }]}
        >
          <ViolationTypeSelect types={types.data?.items ?? []} multiple={false} testId="summary-violation" />
        </Form.Item>
        <Form.Item
          name="facts"
          label={t('cases.facts')}
          rules={[{ required: true, whitespace: true, message: t('cases.factsRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="summary-facts" />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('cases.place')}
          rules={[{ required: true, whitespace: true, message: t('cases.placeRequired') }]}
        >
          <Input maxLength={200} data-testid="summary-place" />
        </Form.Item>
        <Form.Item name="actOn" label={t('cases.actOn')} rules={[{ required: true }]}>
          <DatePicker inputReadOnly style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
        </Form.Item>
        <Form.Item name="penalty" label={t('cases.summaryPenalty')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'warning', label: t('cases.penalty.warning') },
              { value: 'fine', label: t('cases.penalty.fine') },
            ]}
            data-testid="summary-penalty"
          />
        </Form.Item>
        {penalty === 'fine' && (
          <Form.Item
            name="amountYuan"
            label={t('cases.amountYuan')}
            extra={t('cases.summaryLimit', { limit: formatFen(limitFen) })}
            rules={[{ required: true, message: t('cases.amountRequired') }]}
          >
            <InputNumber
              min={0.01}
              precision={2}
              inputMode="decimal"
              style={{ width: '100%' }}
              data-testid="summary-amount"
            />
          </Form.Item>
        )}
        {penalty === 'fine' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.summaryLimitNote')} />
        )}
        <Form.Item
          name="officerIds"
          label={t('cases.officers')}
          rules={[{ required: true, type: 'array', min: 1, message: t('cases.officersRequired') }]}
        >
          <OfficerSelect testId="summary-officers" />
        </Form.Item>
        <Button type="primary" size="large" block loading={submitting} onClick={onOk} data-testid="summary-submit">
          {t('cases.summarySubmit')}
        </Button>
      </Form>
    </div>
  );
}
