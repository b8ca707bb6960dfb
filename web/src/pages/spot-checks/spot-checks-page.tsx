import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, Modal, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPlan, TTask } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const statusColours: Record<string, string> = {
  draft: 'default',
  frozen: 'blue',
  drawn: 'green',
  closed: 'purple',
  cancelled: 'red',
};

/** 抽查计划与任务: plans (with visits saved by merging) and their tasks. */
export function SpotChecksPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const plans = useAsync((signal) => spotChecksApi.plans({ signal }), queryKeys.spotChecks.plans());
  const tasks = useAsync((signal) => spotChecksApi.tasks(undefined, { signal }), queryKeys.spotChecks.tasks());
  const [planOpen, setPlanOpen] = useState(false);

  return (
    <>
      <PageHeader
        title="双随机抽查"
        extra={
          can('spotcheck:write') && (
            <>
              <Button onClick={() => setPlanOpen(true)} data-testid="plan-new">
                新建计划
              </Button>{' '}
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/spot-checks/tasks/new')}
                data-testid="task-new"
              >
                新建抽查任务
              </Button>
            </>
          )
        }
      />
      {plans.error && <LoadError error={plans.error} onRetry={plans.reload} />}
      <Card title="抽查计划" size="small" style={{ marginBottom: 16 }}>
        <Table<TPlan>
          rowKey="id"
          size="small"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          pagination={false}
          columns={[
            { title: '计划', dataIndex: 'name' },
            { title: '期间', key: 'period', render: (_, p) => `${p.periodStart} 至 ${p.periodEnd}` },
            { title: '任务数', dataIndex: 'taskCount' },
            { title: '抽中户次', dataIndex: 'drawnChecks' },
            { title: '实际检查户数', dataIndex: 'visits' },
            {
              title: '合并减少入户',
              dataIndex: 'visitsSaved',
              render: (n: number) => <Tag color={n ? 'green' : undefined}>{n}</Tag>,
            },
          ]}
        />
      </Card>
      {tasks.error && <LoadError error={tasks.error} onRetry={tasks.reload} />}
      <Card title="抽查任务" size="small">
        <Table<TTask>
          rowKey="id"
          size="small"
          loading={tasks.loading}
          dataSource={tasks.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: '任务',
              dataIndex: 'name',
              render: (name: string, t) => <Link to={`/spot-checks/tasks/${t.id}`}>{name}</Link>,
            },
            { title: '计划', dataIndex: 'planName' },
            { title: '事项', key: 'items', render: (_, t) => `${t.items.length} 项${t.joint ? '（部门联合）' : ''}` },
            {
              title: '状态',
              dataIndex: 'statusLabel',
              render: (label: string, t) => <Tag color={statusColours[t.status]}>{label}</Tag>,
            },
            { title: '抽中', key: 'drawn', render: (_, t) => t.draw?.drawnCount ?? '—' },
          ]}
        />
      </Card>
      <PlanModal open={planOpen} onClose={() => setPlanOpen(false)} onCreated={plans.reload} />
    </>
  );
}

function PlanModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
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
      message.success('计划已创建');
      onCreated();
      onClose();
    });
  return (
    <Modal title="新建抽查计划" open={open} onCancel={onClose} onOk={save} confirmLoading={submitting} destroyOnHidden>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
          <Input placeholder="如：2026年度双随机抽查计划" />
        </Form.Item>
        <Form.Item name="period" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
