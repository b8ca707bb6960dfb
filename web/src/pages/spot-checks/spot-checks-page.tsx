import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPlan, TTask } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { taskStatusLabel } from './spot-check-labels.ts';

const statusColours: Record<string, string> = {
  draft: 'default',
  frozen: 'blue',
  drawn: 'green',
  closed: 'purple',
  cancelled: 'red',
};

/** Inspection plans (with visits saved by merging) and their tasks. */
export function SpotChecksPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const plans = useAsync(useCallback(() => spotChecksApi.plans(), []));
  const tasks = useAsync(useCallback(() => spotChecksApi.tasks(), []));
  const [planOpen, setPlanOpen] = useState(false);

  return (
    <>
      <PageHeader
        title={t('spot.title')}
        extra={
          can('spotcheck:write') && (
            <>
              <Button onClick={() => setPlanOpen(true)} data-testid="plan-new">
                {t('spot.plan.new')}
              </Button>{' '}
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/spot-checks/tasks/new')}
                data-testid="task-new"
              >
                {t('spot.task.new')}
              </Button>
            </>
          )
        }
      />
      {plans.error && <LoadError error={plans.error} onRetry={plans.reload} />}
      <Card title={t('spot.plans')} size="small" style={{ marginBottom: 16 }}>
        <Table<TPlan>
          rowKey="id"
          size="small"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          pagination={false}
          columns={[
            { title: t('spot.plan.name'), dataIndex: 'name' },
            {
              title: t('spot.plan.period'),
              key: 'period',
              render: (_, p) => t('spot.plan.periodRange', { start: p.periodStart, end: p.periodEnd }),
            },
            { title: t('spot.plan.taskCount'), dataIndex: 'taskCount' },
            { title: t('spot.plan.drawnChecks'), dataIndex: 'drawnChecks' },
            { title: t('spot.plan.visits'), dataIndex: 'visits' },
            {
              title: t('spot.plan.visitsSaved'),
              dataIndex: 'visitsSaved',
              render: (n: number) => <Tag color={n ? 'green' : undefined}>{n}</Tag>,
            },
          ]}
        />
      </Card>
      {tasks.error && <LoadError error={tasks.error} onRetry={tasks.reload} />}
      <Card title={t('spot.tasks')} size="small">
        <Table<TTask>
          rowKey="id"
          size="small"
          loading={tasks.loading}
          dataSource={tasks.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('spot.task.name'),
              dataIndex: 'name',
              render: (name: string, task) => <Link to={`/spot-checks/tasks/${task.id}`}>{name}</Link>,
            },
            { title: t('spot.plan.name'), dataIndex: 'planName' },
            {
              title: t('spot.task.items'),
              key: 'items',
              render: (_, task) =>
                `${t('spot.task.itemCount', { count: task.items.length })}${task.joint ? t('spot.task.joint') : ''}`,
            },
            {
              title: t('spot.status'),
              dataIndex: 'statusLabel',
              render: (label: string, task) => (
                <Tag color={statusColours[task.status]}>{taskStatusLabel(t, task.status, label)}</Tag>
              ),
            },
            { title: t('spot.task.drawn'), key: 'drawn', render: (_, task) => task.draw?.drawnCount ?? '—' },
          ]}
        />
      </Card>
      <PlanModal open={planOpen} onClose={() => setPlanOpen(false)} onCreated={plans.reload} />
    </>
  );
}

function PlanModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; period: [Dayjs, Dayjs] }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const save = () =>
    submit(async (v) => {
      await spotChecksApi.createPlan({
        name: v.name,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
      });
      message.success(t('spot.plan.created'));
      onCreated();
      onClose();
    });
  return (
    <Modal
      title={t('spot.plan.newTitle')}
      open={open}
      onCancel={onClose}
      onOk={save}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('spot.plan.nameLabel')}
          rules={[{ required: true, message: t('spot.plan.nameRequired') }]}
        >
          <Input placeholder={t('spot.plan.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('spot.plan.period')}
          rules={[{ required: true, message: t('spot.plan.periodRequired') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
