import { App, Button, Form, Input, InputNumber } from 'antd';
import { ZConfirmYear } from '../../../../src/contracts/calendar.ts';
import { calendarApi } from '../../api/calendar.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';

/**
 * Marks a year's schedule as complete once its overrides are in: deadlines in that year then stop
 * being "provisional". The source (the State Council notice) is kept for the audit trail.
 */
export function ConfirmYearForm({ onConfirmed }: { onConfirmed: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; source: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onFinish = () =>
    submit(async ({ year, source }) => {
      await calendarApi.confirmYear(year, source);
      message.success(t('calendar.yearConfirmed', { year }));
      form.resetFields(['source']);
      onConfirmed();
    });
  return (
    <>
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: new Date().getFullYear() + 1 }}
        onFinish={onFinish}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('calendar.source')}
          rules={[{ required: true, message: t('calendar.sourceRequired') }, zodRule(ZConfirmYear.shape.source)]}
        >
          <Input placeholder={t('calendar.sourcePlaceholder')} style={{ width: 280 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('calendar.confirmYear')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
