import { App, Button, DatePicker, Form, Input, Modal, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TFoodBusiness } from '../../../../../src/contracts/food.ts';
import type { TSample } from '../../../../../src/contracts/food-sampling.ts';
import {
  sampleStatuses,
  samplingFoodCategoryCodes,
  samplingStageCodes,
} from '../../../../../src/domain/food-sampling.ts';
import { foodApi } from '../../../api/food.ts';
import { samplingApi, type TSampleQuery } from '../../../api/food-sampling.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { FoodBusinessPicker } from '../food-business-picker.tsx';
import { ClockCell, categoryLabel, conclusionTag, stageLabel, statusLabel } from './sampling-labels.tsx';

type Filters = { q?: string; status?: TSampleQuery['status']; conclusion?: 'pass' | 'fail' };
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/**
 * 抽检样品: the samples of the caller's stations with their status and the clock that runs.
 * `?new=<business id>` (the 抽检 tab of a business's 档案) opens the form with that business chosen.
 */
export function SamplingSamplesPage() {
  const t = useT();
  const canWrite = useAuth().can('food:write');
  const [params, setParams] = useSearchParams();
  const prefillId = Number(params.get('new')) || undefined;
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const prefill = useAsync(
    (signal) => (prefillId && canWrite ? foodApi.business(prefillId, { signal }) : Promise.resolve(null)),
    ['food', 'business', prefillId ?? 0],
  );
  const closeForm = () => {
    setCreating(false);
    if (prefillId) setParams({}, { replace: true });
  };
  const query: TSampleQuery = { q: filters.q || undefined, status: filters.status, conclusion: filters.conclusion };
  const list = useKeysetList(
    (cursor, signal) => samplingApi.samples({ ...query, cursor }, { signal }),
    (s) => s.id,
    ['food', 'sampling', 'samples', query],
  );
  const columns = useMemo<TableColumnsType<TSample>>(
    () => [
      {
        title: t('foodSampling.sampleNo'),
        dataIndex: 'sampleNo',
        render: (n: string, r) => <Link to={`/food/sampling/samples/${r.id}`}>{n}</Link>,
      },
      { title: t('foodSampling.entity'), dataIndex: 'entityName' },
      { title: t('foodSampling.foodName'), dataIndex: 'foodName' },
      { title: t('foodSampling.category'), dataIndex: 'foodCategory', render: (c: string) => categoryLabel(t, c) },
      { title: t('foodSampling.stage'), dataIndex: 'stage', render: (c: string) => stageLabel(t, c) },
      { title: t('foodSampling.sampledOn'), dataIndex: 'sampledOn' },
      { title: t('foodSampling.status'), dataIndex: 'status', render: (s: string) => statusLabel(t, s) },
      { title: t('foodSampling.clock'), dataIndex: 'clock', render: (_, r) => <ClockCell t={t} clock={r.clock} /> },
      {
        title: t('foodSampling.conclusion'),
        dataIndex: 'conclusion',
        render: (_, r) => conclusionTag(t, r.retestConclusion ?? r.conclusion),
      },
      { title: t('foodSampling.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('foodSampling.samples.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="sampling-new">
              {t('foodSampling.samples.new')}
            </Button>
          )
        }
      />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="sampling-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('foodSampling.samples.search')} />
        </Form.Item>
        <Form.Item name="status" label={t('foodSampling.status')}>
          <Select allowClear options={sampleStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
        </Form.Item>
        <Form.Item name="conclusion" label={t('foodSampling.conclusion')}>
          <Select
            allowClear
            options={(['pass', 'fail'] as const).map((c) => ({ value: c, label: t(`foodSampling.conclusion.${c}`) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TSample>
        id="food-sampling-samples"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="sampling-table"
      />
      {(creating || prefill.data) && <NewSampleModal business={prefill.data ?? undefined} onClose={closeForm} />}
    </>
  );
}

type NewSample = Record<string, unknown> & { sampledOn?: Dayjs; producedOn?: Dayjs; samplers?: string };

function NewSampleModal({ business, onClose }: { business?: TFoodBusiness; onClose: () => void }) {
  const t = useT();
  const plans = useAsync((signal) => samplingApi.plans({}, { signal }), ['food', 'sampling', 'plans', 'picker']);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewSample>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    samplingApi
      .createSample({
        ...v,
        sampledOn: day(v.sampledOn),
        producedOn: day(v.producedOn),
        samplers: String(v.samplers ?? '')
          .split(/[\u3001,\uff0c\s]+/)
          .filter(Boolean),
      })
      .then(
        (s) => navigate(`/food/sampling/samples/${s.id}`),
        (err: Error) => message.error(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      title={t('foodSampling.samples.new')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={busy}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ businessId: business?.id, sampledOn: dayjs() }}
        data-testid="sampling-new-form"
      >
        <Form.Item name="businessId" label={t('foodSampling.businessId')} rules={[{ required: true }]}>
          <FoodBusinessPicker initial={business} testId="sampling-business" />
        </Form.Item>
        <Form.Item name="planId" label={t('foodSampling.samplePlan')}>
          <Select
            allowClear
            loading={!plans.data && !plans.error}
            options={(plans.data?.items ?? []).map((p) => ({
              value: p.id,
              label: t('foodSampling.planOption', { name: p.name, from: p.periodStart, to: p.periodEnd }),
            }))}
            data-testid="sampling-plan"
          />
        </Form.Item>
        <Form.Item name="stage" label={t('foodSampling.stage')} rules={[{ required: true }]}>
          <Select options={samplingStageCodes.map((c) => ({ value: c, label: stageLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="foodCategory" label={t('foodSampling.category')} rules={[{ required: true }]}>
          <Select options={samplingFoodCategoryCodes.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        </Form.Item>
        <Form.Item name="foodName" label={t('foodSampling.foodName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="batchNo" label={t('foodSampling.batchNo')}>
          <Input />
        </Form.Item>
        <Form.Item name="producerName" label={t('foodSampling.producer')}>
          <Input />
        </Form.Item>
        <Form.Item name="producerUscc" label={t('foodSampling.producerUscc')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="producedOn" label={t('foodSampling.producedOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="quantity" label={t('foodSampling.quantity')}>
          <Input />
        </Form.Item>
        <Form.Item name="samplers" label={t('foodSampling.samplers')} rules={[{ required: true }]}>
          <Input placeholder={t('foodSampling.samplersHint')} />
        </Form.Item>
        <Form.Item name="sampledOn" label={t('foodSampling.sampledOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="labName" label={t('foodSampling.lab')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
