import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { equipmentTransitions } from '../../../../src/domain/equipment-workflow.ts';
import { equipmentApi } from '../../api/equipment.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { actionLabel, conclusionLabel, Flags, InspectionCell, statusLabel } from './equipment-labels.tsx';
import { EquipmentHazardsCard } from './hazards/equipment-hazards-card.tsx';

const manualActions = ['register', 'stop', 'resume', 'scrap', 'dismantle', 'cancel', 'relocate'] as const;
type Dialog = 'status' | 'inspection' | 'maintenance' | null;

/** One piece of equipment: facts, inspection and 维保 history, status changes (through the transition table). */
export function EquipmentDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('equipment:write');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const state = useAsync((signal) => equipmentApi.detail(id, { signal }), ['equipment', 'detail', id]);
  const e = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!e) return <Card loading />;
  const allowed = manualActions.filter((a) => equipmentTransitions[a].from.includes(e.status));
  const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');
  const run = (p: Promise<unknown>) =>
    p.then(
      () => {
        setDialog(null);
        form.resetFields();
        state.reload();
      },
      (err: Error) => message.error(err.message),
    );
  const submit = (v: Record<string, unknown>) => {
    if (dialog === 'status')
      run(equipmentApi.setStatus(e.id, v as { action: string; reason?: string; registrationNo?: string }));
    else if (dialog === 'inspection')
      run(
        equipmentApi.addInspection(e.id, {
          inspectionKind: 'periodic',
          inspectedOn: day(v.inspectedOn as Dayjs)!,
          conclusion: v.conclusion as 'pass',
          reportNo: v.reportNo as string,
          instituteName: (v.instituteName as string) || null,
          nextDue: day(v.nextDue as Dayjs | undefined) ?? null,
        }),
      );
    else if (dialog === 'maintenance')
      run(
        equipmentApi.addMaintenance(e.id, {
          maintainedOn: day(v.maintainedOn as Dayjs)!,
          maintainerName: (v.maintainerName as string) || null,
          note: (v.note as string) || null,
        }),
      );
  };
  return (
    <>
      <PageHeader
        title={`${t('equipment.detail.title')} · ${e.equipmentCode}`}
        extra={
          canWrite && (
            <Space wrap>
              {allowed.length > 0 && (
                <Button onClick={() => setDialog('status')} data-testid="equipment-status-open">
                  {t('equipment.detail.changeStatus')}
                </Button>
              )}
              <Button type="primary" onClick={() => setDialog('inspection')} data-testid="equipment-inspection-open">
                {t('equipment.detail.addInspection')}
              </Button>
              {e.topCategoryCode === '3000' && (
                <Button onClick={() => setDialog('maintenance')} data-testid="equipment-maintenance-open">
                  {t('equipment.detail.addMaintenance')}
                </Button>
              )}
            </Space>
          )
        }
      />
      <Modal
        open={dialog !== null}
        title={dialog && t(`equipment.detail.dialog.${dialog}`)}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'equipment-dialog-ok' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          {dialog === 'status' && (
            <>
              <Form.Item name="action" label={t('equipment.detail.action')} rules={[{ required: true }]}>
                <Select options={allowed.map((a) => ({ value: a, label: actionLabel(t, a) }))} />
              </Form.Item>
              <Form.Item name="registrationNo" label={t('equipment.registrationNo')}>
                <Input />
              </Form.Item>
              <Form.Item name="reason" label={t('equipment.detail.reason')}>
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'inspection' && (
            <>
              <Form.Item name="inspectedOn" label={t('equipment.inspection.date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="conclusion" label={t('equipment.inspection.conclusion')} rules={[{ required: true }]}>
                <Select
                  options={(['pass', 'conditional', 'fail'] as const).map((c) => ({
                    value: c,
                    label: conclusionLabel(t, c),
                  }))}
                />
              </Form.Item>
              <Form.Item name="reportNo" label={t('equipment.inspection.reportNo')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="instituteName" label={t('equipment.inspection.institute')}>
                <Input />
              </Form.Item>
              <Form.Item name="nextDue" label={t('equipment.nextDue')} extra={t('equipment.inspection.nextDueHint')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </>
          )}
          {dialog === 'maintenance' && (
            <>
              <Form.Item name="maintainedOn" label={t('equipment.maintenance.date')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="maintainerName" label={t('equipment.maintenance.maintainer')}>
                <Input />
              </Form.Item>
              <Form.Item name="note" label={t('equipment.maintenance.note')}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="equipment-detail">
          <Descriptions.Item label={t('equipment.code')}>{e.equipmentCode}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.category')}>{`${e.categoryCode} ${e.categoryName}`}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.registrationNo')}>{e.registrationNo ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.status')}>
            <span data-testid="equipment-status">{statusLabel(t, e.status)}</span> <Flags t={t} e={e} />
          </Descriptions.Item>
          <Descriptions.Item label={t('equipment.entity')}>
            <Link to={`/entities/${e.entityId}`}>{e.entityName}</Link> {e.uscc}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipment.station')}>{e.stationName}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.address')}>{e.address}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.township')}>{e.regionCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.maker')}>{e.makerName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.maintenanceUnit')}>{e.maintenanceUnitName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.firstUsedOn')}>{e.firstUsedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.registeredOn')}>{e.registeredOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.nextDue')}>
            <span data-testid="equipment-next-due">
              <InspectionCell t={t} e={e} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('equipment.safetyGrade')}>{e.safetyGrade ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipment.lastMaintained')}>{e.lastMaintainedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('equipment.detail.inspections')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.inspections}
          data-testid="equipment-inspections"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('equipment.inspection.date'), dataIndex: 'inspectedOn' },
            {
              title: t('equipment.inspection.conclusion'),
              dataIndex: 'conclusion',
              render: (c: string) => conclusionLabel(t, c),
            },
            { title: t('equipment.safetyGrade'), dataIndex: 'safetyGrade', render: (g: number | null) => g ?? '—' },
            { title: t('equipment.nextDue'), dataIndex: 'nextDue', render: (d: string | null) => d ?? '—' },
            { title: t('equipment.inspection.reportNo'), dataIndex: 'reportNo' },
            { title: t('equipment.inspection.institute'), dataIndex: 'instituteName' },
          ]}
        />
      </Card>
      {e.topCategoryCode === '3000' && (
        <Card title={t('equipment.detail.maintenance')} style={{ marginTop: 16 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={e.maintenance}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('equipment.maintenance.date'), dataIndex: 'maintainedOn' },
              { title: t('equipment.maintenanceUnit'), dataIndex: 'maintenanceUnitName' },
              { title: t('equipment.maintenance.maintainer'), dataIndex: 'maintainerName' },
              { title: t('equipment.maintenance.note'), dataIndex: 'note' },
            ]}
          />
        </Card>
      )}
      <EquipmentHazardsCard equipmentId={e.id} entityId={e.entityId} />
      <Card title={t('equipment.detail.events')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={e.events}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('equipment.detail.action'), dataIndex: 'action', render: (a: string) => actionLabel(t, a) },
            { title: t('equipment.detail.from'), dataIndex: 'from', render: (s: string) => statusLabel(t, s) },
            { title: t('equipment.detail.to'), dataIndex: 'to', render: (s: string) => statusLabel(t, s) },
            { title: t('equipment.detail.reason'), dataIndex: 'reason' },
            { title: t('equipment.detail.by'), dataIndex: 'by' },
            { title: t('equipment.detail.at'), dataIndex: 'at', render: (d: string) => new Date(d).toLocaleString() },
          ]}
        />
      </Card>
    </>
  );
}
