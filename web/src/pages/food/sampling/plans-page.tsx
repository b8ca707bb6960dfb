import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { TSamplingPlan } from '../../../../../src/contracts/food-sampling.ts';
import { samplingFoodCategoryCodes, samplingHazardCodes } from '../../../../../src/domain/food-sampling.ts';
import { samplingApi } from '../../../api/food-sampling.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { categoryLabel, hazardLabel } from './sampling-labels.tsx';

/** 抽检计划: per station and period, by food category and hazard, with the batch target and progress. */
export function SamplingPlansPage() {
  const t = useT();
  const auth = useAuth();
  const canWrite = auth.can('food:write');
  const [creating, setCreating] = useState(false);
  const list = useKeysetList(
    (cursor, signal) => samplingApi.plans({ cursor }, { signal }),
    (p) => p.id,
    ['food', 'sampling', 'plans'],
  );
  const columns = useMemo<TableColumnsType<TSamplingPlan>>(
    () => [
      { title: t('foodSampling.plan.name'), dataIndex: 'name' },
      { title: t('foodSampling.station'), dataIndex: 'stationName' },
      { title: t('foodSampling.category'), dataIndex: 'foodCategory', render: (c: string) => categoryLabel(t, c) },
      {
        title: t('foodSampling.plan.hazards'),
        dataIndex: 'hazards',
        render: (hs: string[]) => hs.map((h) => hazardLabel(t, h)).join(t('common.separator')),
      },
      { title: t('foodSampling.plan.period'), render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}` },
      {
        title: t('foodSampling.plan.progress'),
        render: (_, r) => (
          <Progress
            percent={Math.min(100, Math.round((r.sampledBatches / r.targetBatches) * 100))}
            format={() => `${r.sampledBatches}/${r.targetBatches}`}
            size="small"
          />
        ),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('foodSampling.plans.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="sampling-plan-new">
              {t('foodSampling.plans.new')}
            </Button>
          )
        }
      />
      <ListTable<TSamplingPlan>
        id="food-sampling-plans"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="sampling-plans-table"
      />
      {creating && (
        <NewPlanModal
          stationId={auth.me?.user.unitId}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function NewPlanModal({ stationId, onClose, onDone }: { stationId?: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown> & { period?: [Dayjs, Dayjs] }>();
  const submit = async () => {
    const { period, ...v } = await form.validateFields();
    samplingApi
      .createPlan({ ...v, periodStart: period?.[0].format('YYYY-MM-DD'), periodEnd: period?.[1].format('YYYY-MM-DD') })
      .then(onDone, (err: Error) => message.error(err.message));
  };
  return (
    <Modal open title={t('foodSampling.plans.new')} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ stationId }}>
        <Form.Item name="stationId" label={t('foodSampling.stationId')} rules={[{ required: true }]}>
          <InputNumber min={1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label={t('foodSampling.plan.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="foodCategory" label={t('foodSampling.category')} rules={[{ required: true }]}>
          <Select options={samplingFoodCategoryCodes.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="hazards" label={t('foodSampling.plan.hazards')} rules={[{ required: true }]}>
          <Select mode="multiple" options={samplingHazardCodes.map((c) => ({ value: c, label: hazardLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="period" label={t('foodSampling.plan.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="targetBatches" label={t('foodSampling.plan.target')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
