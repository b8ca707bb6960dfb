import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TRecall } from '../../../../../src/contracts/product-recalls.ts';
import { type RecallStatus, recallStatuses } from '../../../../../src/domain/product-recall-workflow.ts';
import { recallExportUrl, recallsApi, type TRecallQuery } from '../../../api/product-recalls.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { EntityPicker } from '../../cases/case-pickers.tsx';
import { recallStatusTag, recoveredBar } from './recall-labels.tsx';

type Filters = { q?: string; status?: RecallStatus };

/** 缺陷产品召回: the recalls in the caller's reach, their status and progress; a new recall plan. */
export function RecallsPage() {
  const t = useT();
  const canWrite = useAuth().can('product:write');
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const query: TRecallQuery = { q: filters.q || undefined, status: filters.status };
  const list = useKeysetList(
    (cursor, signal) => recallsApi.recalls({ ...query, cursor }, { signal }),
    (r) => r.id,
    ['product', 'recalls', query],
  );
  const columns = useMemo<TableColumnsType<TRecall>>(
    () => [
      {
        title: t('productRecalls.productName'),
        dataIndex: 'productName',
        render: (n: string, r) => <Link to={`/product/recalls/${r.id}`}>{n}</Link>,
      },
      { title: t('productRecalls.producer'), dataIndex: 'entityName' },
      { title: t('productRecalls.planFiledOn'), dataIndex: 'planFiledOn' },
      { title: t('productRecalls.status'), dataIndex: 'status', render: (s: RecallStatus) => recallStatusTag(t, s) },
      {
        title: t('productRecalls.progress'),
        dataIndex: 'recovered',
        render: (_, r) => recoveredBar(r.recovered, r.quantity),
      },
      { title: t('productRecalls.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('productRecalls.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="recall-new">
              {t('productRecalls.new')}
            </Button>
          )
        }
      />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="recall-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('productRecalls.searchHint')} />
        </Form.Item>
        <Form.Item name="status" label={t('productRecalls.status')}>
          <Select
            allowClear
            options={recallStatuses.map((s) => ({ value: s, label: t(`productRecalls.status.${s}`) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TRecall>
        id="product-recalls"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        exportButton={
          <Button icon={<DownloadOutlined />} href={recallExportUrl(query)} data-testid="recall-export-xlsx">
            {t('common.exportXlsx')}
          </Button>
        }
        data-testid="recall-table"
      />
      {creating && <NewRecallModal onClose={() => setCreating(false)} />}
    </>
  );
}

type NewRecall = Record<string, unknown> & { planFiledOn: Dayjs };

function NewRecallModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewRecall>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    recallsApi
      .create({ ...v, planFiledOn: v.planFiledOn.format('YYYY-MM-DD') })
      .then(
        (r) => navigate(`/product/recalls/${r.id}`),
        (err: Error) => message.error(err.message),
      )
      .finally(() => setBusy(false));
  };
  const required = [{ required: true, message: t('productRecalls.required') }];
  return (
    <Modal open title={t('productRecalls.new')} onOk={submit} onCancel={onClose} confirmLoading={busy} width={640}>
      <Form form={form} layout="vertical" initialValues={{ planFiledOn: dayjs() }} data-testid="recall-form">
        <Form.Item name="entityId" label={t('productRecalls.producer')} rules={required}>
          <EntityPicker testId="recall-producer" />
        </Form.Item>
        <Form.Item name="productName" label={t('productRecalls.productName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="batches" label={t('productRecalls.batches')} rules={required}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item name="defect" label={t('productRecalls.defect')} rules={required}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="quantity" label={t('productRecalls.quantity')} rules={required}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="plan" label={t('productRecalls.plan')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="planFiledOn" label={t('productRecalls.planFiledOn')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
