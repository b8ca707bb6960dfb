import { App, Button, DatePicker, Form, Input, Popconfirm, Select, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback } from 'react';
import { type TCalendarOverride, ZCalendarOverride } from '../../../../src/contracts/calendar.ts';
import { calendarApi } from '../../api/calendar.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';

interface Values {
  day: Dayjs;
  kind: TCalendarOverride['kind'];
  name: string;
}

/** Holidays and make-up workdays entered by hand: for years the holiday package lacks, or corrections. */
export function OverridesCard({ canWrite, onChanged }: { canWrite: boolean; onChanged: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const load = useCallback(
    async (signal: AbortSignal) =>
      (await calendarApi.listOverrides({ signal })).sort((a, b) => b.day.localeCompare(a.day)),
    [],
  );
  const { data, error, loading, reload } = useAsync(load, queryKeys.calendar.overrides());
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);

  const changed = () => {
    reload();
    onChanged();
  };
  const onAdd = () =>
    submit(async ({ day, kind, name }) => {
      await calendarApi.setOverride({ day: day.format('YYYY-MM-DD'), kind, name });
      message.success(t('common.saved'));
      form.resetFields(['day', 'name']);
      changed();
    });
  const onDelete = async (day: string) => {
    try {
      await calendarApi.deleteOverride(day);
      message.success(t('calendar.overrideDeleted', { day }));
      changed();
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  const columns: TableColumnsType<TCalendarOverride> = [
    { title: t('calendar.day'), dataIndex: 'day' },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      render: (kind: Values['kind']) =>
        kind === 'holiday' ? (
          <Tag color="red">{t('calendar.kind.holiday')}</Tag>
        ) : (
          <Tag color="orange">{t('calendar.kind.makeup')}</Tag>
        ),
    },
    { title: t('calendar.name'), dataIndex: 'name' },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, o) => (
        <Popconfirm title={t('calendar.deleteConfirm', { day: o.day })} onConfirm={() => onDelete(o.day)}>
          <Button type="link" size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <>
      {canWrite && (
        <>
          <FormAlert failure={failure} />
          <Form
            form={form}
            layout="inline"
            initialValues={{ kind: 'holiday' }}
            onFinish={onAdd}
            style={{ marginBottom: 16, rowGap: 8 }}
          >
            <Form.Item
              name="day"
              label={t('calendar.day')}
              rules={[{ required: true, message: t('calendar.dayRequired') }]}
            >
              <DatePicker data-testid="override-day" />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')}>
              <Select
                style={{ width: 130 }}
                options={[
                  { value: 'holiday', label: t('calendar.kind.holiday') },
                  { value: 'workday', label: t('calendar.kind.makeup') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('calendar.name')}
              rules={[{ required: true, message: t('calendar.nameRequired') }, zodRule(ZCalendarOverride.shape.name)]}
            >
              <Input placeholder={t('calendar.namePlaceholder')} style={{ width: 200 }} data-testid="override-name" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="override-add">
                {t('calendar.addOverride')}
              </Button>
            </Form.Item>
          </Form>
        </>
      )}
      <ListTable<TCalendarOverride>
        id="calendar-overrides"
        rowKey="day"
        size="small"
        columns={columns}
        // Every adjustment comes in one answer: the table pages on the client with a total.
        source={{ kind: 'all', items: data ?? [], loading, error, reload, pageSize: 10 }}
        data-testid="overrides-table"
      />
    </>
  );
}
