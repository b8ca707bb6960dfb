import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Progress, Select, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { TKitchenEnrollment, TKitchenStats } from '../../../../../src/contracts/food-kitchen.ts';
import { kitchenApi } from '../../../api/food-kitchen.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { FoodBusinessPicker } from '../food-business-picker.tsx';

type Row = TKitchenStats['stations'][number];
type NewEnrollment = { businessId: number; vendorId: number; enrolledOn: Dayjs; cameras: string };

/** "CAM-1 processing" per line → cameras; an unknown area is left for the server to refuse with its field. */
const parseCameras = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [cameraId = '', area = 'other'] = l.split(/\s+/);
      return { cameraId, area };
    });

/** 明厨亮灶接入: the enrolled businesses and their cameras, the stations' enrollment rate, enrolling a business. */
export function KitchenEnrollmentsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('food:write');
  const [q, setQ] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewEnrollment>();
  const list = useKeysetList(
    (cursor, signal) => kitchenApi.enrollments({ q, cursor }, { signal }),
    (r) => r.id,
    ['food', 'kitchen', 'enrollments', q],
  );
  const stats = useQuery({
    queryKey: ['food', 'kitchen', 'stats'],
    queryFn: ({ signal }) => kitchenApi.stats({ signal }),
  });
  const vendors = useQuery({
    queryKey: ['food', 'kitchen', 'vendors'],
    queryFn: ({ signal }) => kitchenApi.vendors({ signal }),
    enabled: canWrite,
  });
  const columns = useMemo<TableColumnsType<TKitchenEnrollment>>(
    () => [
      { title: t('kitchen.alert.business'), dataIndex: 'entityName' },
      { title: t('kitchen.alert.station'), dataIndex: 'stationName', responsive: ['md'] },
      { title: t('kitchen.enrollment.vendor'), dataIndex: 'vendorName' },
      {
        title: t('kitchen.enrollment.cameras'),
        dataIndex: 'cameras',
        render: (cs: TKitchenEnrollment['cameras']) =>
          cs
            .map((c) => t('common.withNote', { text: c.cameraId, note: t(`kitchen.area.${c.area}` as MessageKey) }))
            .join(t('common.separator')),
      },
      { title: t('kitchen.enrollment.enrolledOn'), dataIndex: 'enrolledOn' },
      { title: t('kitchen.enrollment.endedOn'), dataIndex: 'endedOn', render: (d: string | null) => d ?? '—' },
      { title: t('kitchen.enrollment.openAlerts'), dataIndex: 'openAlerts' },
    ],
    [t],
  );
  const statColumns: TableColumnsType<Row> = [
    { title: t('kitchen.alert.station'), dataIndex: 'stationName' },
    { title: 'catering', dataIndex: 'catering', responsive: ['md'] },
    { title: t('kitchen.enrollments.title'), dataIndex: 'enrolled' },
    {
      title: t('kitchen.stats.rate'),
      dataIndex: 'enrollmentRate',
      render: (r: number | null) => (r === null ? '—' : <Progress percent={Math.round(r * 1000) / 10} size="small" />),
    },
    { title: t('kitchen.enrollment.openAlerts'), dataIndex: 'openAlerts' },
  ];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await kitchenApi.enroll({
        businessId: v.businessId,
        vendorId: v.vendorId,
        enrolledOn: v.enrolledOn.format('YYYY-MM-DD'),
        cameras: parseCameras(v.cameras),
      });
      setAdding(false);
      form.resetFields();
      list.reload();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  return (
    <>
      <PageHeader
        title={t('kitchen.enrollments.title')}
        extra={
          canWrite && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="kitchen-enroll">
              {t('kitchen.enrollments.add')}
            </Button>
          )
        }
      />
      <Table<Row>
        size="small"
        rowKey="stationId"
        title={() => t('kitchen.stats.title')}
        loading={stats.isLoading}
        dataSource={stats.data?.stations ?? []}
        columns={statColumns}
        pagination={false}
        style={{ marginBottom: 16 }}
      />
      <SearchForm<{ q?: string }> onSearch={(f) => setQ(f.q || undefined)} onReset={() => setQ(undefined)}>
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear />
        </Form.Item>
      </SearchForm>
      <ListTable<TKitchenEnrollment>
        id="kitchen-enrollments"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="kitchen-enrollments-table"
      />
      <Modal open={adding} title={t('kitchen.enrollments.add')} onCancel={() => setAdding(false)} onOk={submit}>
        <Form form={form} layout="vertical">
          <Form.Item name="businessId" label={t('kitchen.enrollment.businessId')} rules={[{ required: true }]}>
            <FoodBusinessPicker testId="kitchen-business" />
          </Form.Item>
          <Form.Item name="vendorId" label={t('kitchen.enrollment.vendor')} rules={[{ required: true }]}>
            <Select options={(vendors.data ?? []).map((v) => ({ value: v.id, label: v.name }))} />
          </Form.Item>
          <Form.Item name="enrolledOn" label={t('kitchen.enrollment.enrolledOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="cameras"
            label={t('kitchen.enrollment.cameras')}
            extra={t('kitchen.enrollment.camerasHelp')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={4} placeholder={'CAM-01 processing\nCAM-02 washing'} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
