import { Alert, Button, DatePicker, Form, InputNumber, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZAddWorkingDaysResult } from '../../../../src/contracts/calendar.ts';
import { calendarApi } from '../../api/calendar.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

type Result = z.infer<typeof ZAddWorkingDaysResult> & { from: string; days: number };

/** "N working days after date X", the rule behind every statutory deadline; the start day does not count. */
export function DeadlineTool() {
  const t = useT();
  const [form] = Form.useForm<{ from: Dayjs; days: number }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const [result, setResult] = useState<Result>();

  const onFinish = () =>
    submit(async ({ from, days }) => {
      const iso = from.format('YYYY-MM-DD');
      setResult({ ...(await calendarApi.addWorkingDays(iso, days)), from: iso, days });
    });

  return (
    <>
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ from: dayjs(), days: 7 }}
        onFinish={onFinish}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="from"
          label={t('deadline.from')}
          rules={[{ required: true, message: t('deadline.fromRequired') }]}
        >
          <DatePicker allowClear={false} data-testid="deadline-from" />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('deadline.days')}
          rules={[{ required: true, message: t('deadline.daysRequired') }]}
        >
          <InputNumber min={0} max={3650} precision={0} style={{ width: 90 }} data-testid="deadline-days" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="deadline-submit">
            {t('deadline.compute')}
          </Button>
        </Form.Item>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.provisional ? 'warning' : 'success'}
          data-testid="deadline-result"
          title={
            <>
              {t('deadline.result', { from: result.from, days: result.days })}
              <Typography.Text strong>
                {t('calendar.dateWithWeekday', { date: result.date, weekday: dayjs(result.date).format('dddd') })}
              </Typography.Text>{' '}
              {result.provisional && <Tag color="orange">{t('calendar.provisional')}</Tag>}
            </>
          }
          description={
            result.provisional
              ? t('deadline.provisionalHint', { years: result.provisionalYears.join(t('calendar.nameSep')) })
              : undefined
          }
        />
      )}
    </>
  );
}
