import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPlan, TTask } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

const taskKey = (task: TTask) => task.id;

/** Inspection plans (with visits saved by merging) and their tasks. */
export function SpotChecksPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const plans = useAsync((signal) => spotChecksApi.plans({ signal }), queryKeys.spotChecks.plans());
  // Tasks page with a cursor and no count: "load more".
  const tasks = useKeysetList(
    (cursor?: string, signal?: AbortSignal) => spotChecksApi.tasks(cursor, { signal }),
    taskKey,
    queryKeys.spotChecks.tasks(),
  );
  const [planOpen, setPlanOpen] = useState(false);
  const canWrite = can('spotcheck:write');

  const planColumns = useMemo<TableColumnsType<TPlan>>(
    () => [
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
    ],
    [t],
  );
  const taskColumns = useMemo<TableColumnsType<TTask>>(
    () => [
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
        dataIndex: 'status',
        render: (status: string) => <StatusTag workflow="spotCheckTask" status={status} />,
      },
      { title: t('spot.task.drawn'), key: 'drawn', render: (_, task) => task.draw?.drawnCount ?? '—' },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('spot.title')} />
      <Card title={t('spot.tasks')} size="small" style={{ marginBottom: 16 }}>
        <ListTable<TTask>
          id="spot-tasks"
          rowKey="id"
          size="small"
          columns={taskColumns}
          source={{ kind: 'keyset', list: tasks }}
          actions={
            canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/spot-checks/tasks/new')}
                data-testid="task-new"
              >
                {t('spot.task.new')}
              </Button>
            )
          }
          data-testid="spot-tasks-table"
        />
      </Card>
      <Card title={t('spot.plans')} size="small">
        <ListTable<TPlan>
          id="spot-plans"
          rowKey="id"
          size="small"
          columns={planColumns}
          source={{
            kind: 'all',
            items: plans.data ?? [],
            loading: plans.loading,
            error: plans.error,
            reload: plans.reload,
          }}
          actions={
            canWrite && (
              <Button onClick={() => setPlanOpen(true)} data-testid="plan-new">
                {t('spot.plan.new')}
              </Button>
            )
          }
          data-testid="spot-plans-table"
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
