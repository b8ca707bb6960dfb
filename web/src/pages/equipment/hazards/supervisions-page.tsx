import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Modal, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TEntitySummary } from '../../../../../src/contracts/entities.ts';
import type { TSupervisionRow } from '../../../../../src/contracts/equipment-supervisions.ts';
import { complaintsApi } from '../../../api/complaints.ts';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { queryKeys } from '../../../api/query-keys.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { RemoteSearchSelect } from '../../../components/remote-search-select.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';

const statuses = ['planned', 'inProgress', 'done'] as const;
const statusColor = { planned: 'default', inProgress: 'processing', done: 'success' } as const;

export const supervisionStatusTag = (t: ReturnType<typeof useT>, s: string) => (
  <Tag color={statusColor[s as 'planned']} data-testid="supervision-status" data-status={s}>
    {t(`equipmentHazards.supervisionStatus.${s}` as never)}
  </Tag>
);

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await complaintsApi.searchEntities(q, { signal })).items;

/** 特种设备监督检查: the caller's stations' inspections of equipment users; a chief schedules one. */
export function EquipmentSupervisionsPage() {
  const t = useT();
  const canWrite = useAuth().can('equipment:write');
  const [params] = useSearchParams();
  const entityId = Number(params.get('entityId')) || undefined;
  const [status, setStatus] = useState<string>();
  const [scheduling, setScheduling] = useState(false);
  const list = useAsync(
    (signal) => equipmentHazardsApi.supervisions({ status, entityId }, { signal }),
    ['equipment', 'supervisions', status ?? '', entityId ?? 0],
  );
  const columns = useMemo<TableColumnsType<TSupervisionRow>>(
    () => [
      {
        title: t('equipmentHazards.entity'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/equipment/supervisions/${r.id}`}>{n}</Link>,
      },
      { title: t('equipmentHazards.plannedOn'), dataIndex: 'plannedOn' },
      {
        title: t('equipmentHazards.statusLabel'),
        dataIndex: 'status',
        render: (s: string) => supervisionStatusTag(t, s),
      },
      { title: t('equipmentHazards.foundOn'), dataIndex: 'inspectedOn', render: (v: string | null) => v ?? '—' },
      { title: t('equipmentHazards.hazardCount'), dataIndex: 'hazardCount' },
      { title: t('equipmentHazards.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('nav.equipmentSupervisions')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setScheduling(true)}
              data-testid="supervision-schedule"
            >
              {t('equipmentHazards.schedule')}
            </Button>
          )
        }
      />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('equipmentHazards.statusLabel')}
            value={status}
            onChange={setStatus}
            options={statuses.map((s) => ({ value: s, label: t(`equipmentHazards.supervisionStatus.${s}`) }))}
          />
        </Space>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={!list.data}
            scroll={{ x: 'max-content' }}
            dataSource={list.data?.items ?? []}
            columns={columns}
            data-testid="supervisions-table"
          />
        )}
      </Card>
      {scheduling && <ScheduleModal entityId={entityId} onClose={() => setScheduling(false)} />}
    </>
  );
}

function ScheduleModal({ entityId, onClose }: { entityId?: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ entityId: number; plannedOn: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const s = await equipmentHazardsApi.schedule({
        entityId: v.entityId,
        plannedOn: v.plannedOn.format('YYYY-MM-DD'),
      });
      navigate(`/equipment/supervisions/${s.id}`);
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('equipmentHazards.schedule')}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: busy, 'data-testid': 'supervision-schedule-save' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ entityId, plannedOn: dayjs() }}>
        <Form.Item name="entityId" label={t('equipmentHazards.entity')} rules={[{ required: true }]}>
          <RemoteSearchSelect
            queryKey={queryKeys.entities.search}
            search={searchEntities}
            toOption={(e: TEntitySummary) => ({
              value: e.id,
              label: t('equipmentHazards.entityOption', { name: e.name, uscc: e.uscc }),
            })}
            minChars={2}
            placeholder={t('equipmentHazards.entitySearch')}
            style={{ width: '100%' }}
            data-testid="supervision-entity"
          />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('equipmentHazards.plannedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
