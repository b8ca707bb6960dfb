import { App, Button, Card, Form, Input, InputNumber, Modal, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ZInterval } from '../../../../src/contracts/equipment.ts';
import type { z } from '../../../../src/contracts/zod.ts';
import { equipmentApi } from '../../api/equipment.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';

type Interval = z.infer<typeof ZInterval>;

/** 检验周期 (data with sources and the verify flag) and the module's settings; edits need equipment:settings. */
export function EquipmentSettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const canEdit = useAuth().can('equipment:settings');
  const intervals = useAsync((signal) => equipmentApi.intervals({ signal }), ['equipment', 'intervals']);
  const settings = useAsync((signal) => equipmentApi.settings({ signal }), ['equipment', 'settings']);
  const [editing, setEditing] = useState<Interval | null>(null);
  const [form] = Form.useForm();
  const fail = (err: Error) => message.error(err.message);
  return (
    <>
      <PageHeader
        title={t('equipment.settings.title')}
        extra={
          canEdit && (
            <Button
              onClick={() => equipmentApi.sweep().then((r) => message.success(t('equipment.settings.swept', r)), fail)}
              data-testid="equipment-sweep"
            >
              {t('equipment.settings.sweep')}
            </Button>
          )
        }
      />
      {settings.data && (
        <Card title={t('equipment.settings.general')} style={{ marginBottom: 16 }}>
          <Form
            layout="inline"
            initialValues={settings.data}
            disabled={!canEdit}
            onFinish={(v) =>
              equipmentApi.updateSettings({ ...settings.data!, ...v }).then(() => {
                message.success(t('common.saved'));
                settings.reload();
              }, fail)
            }
          >
            <Form.Item name="maintenancePeriodDays" label={t('equipment.settings.maintenanceDays')}>
              <InputNumber min={1} max={366} />
            </Form.Item>
            <Form.Item name="registrationDays" label={t('equipment.settings.registrationDays')}>
              <InputNumber min={1} max={366} />
            </Form.Item>
            <Form.Item name="dueNoticeMonths" label={t('equipment.settings.noticeMonths')}>
              <InputNumber min={1} max={12} />
            </Form.Item>
            {canEdit && (
              <Button type="primary" htmlType="submit">
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
      )}
      <Card title={t('equipment.settings.intervals')}>
        <Table<Interval>
          rowKey="id"
          size="small"
          pagination={false}
          loading={intervals.loading}
          dataSource={intervals.data ?? []}
          scroll={{ x: true }}
          columns={[
            { title: t('equipment.category'), render: (_, r) => `${r.categoryCode} ${r.categoryName}` },
            {
              title: t('equipment.settings.kind'),
              dataIndex: 'inspectionKind',
              render: (k: string) => t(`equipment.kind.${k}` as 'equipment.kind.periodic'),
            },
            {
              title: t('equipment.settings.condition'),
              render: (_, r) =>
                r.conditionKind === 'none'
                  ? '—'
                  : `${t(`equipment.condition.${r.conditionKind}` as 'equipment.condition.gasClass')} ${r.conditionValue}`,
            },
            { title: t('equipment.settings.months'), dataIndex: 'intervalMonths' },
            { title: t('equipment.settings.source'), dataIndex: 'source' },
            {
              title: t('equipment.settings.verify'),
              dataIndex: 'verify',
              render: (v: boolean) =>
                v ? (
                  <Tag color="orange">{t('equipment.settings.toVerify')}</Tag>
                ) : (
                  <Tag color="green">{t('equipment.settings.verified')}</Tag>
                ),
            },
            ...(canEdit
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: Interval) => (
                      <Button
                        size="small"
                        onClick={() => {
                          setEditing(r);
                          form.setFieldsValue(r);
                        }}
                      >
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={t('equipment.settings.editInterval')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            equipmentApi.updateInterval(editing!.id, { ...v, version: editing!.version }).then(() => {
              setEditing(null);
              intervals.reload();
            }, fail)
          }
        >
          <Form.Item name="intervalMonths" label={t('equipment.settings.months')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} />
          </Form.Item>
          <Form.Item name="source" label={t('equipment.settings.source')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="verify" label={t('equipment.settings.verify')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
