import { DownloadOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TDirectiveRow, THazard } from '../../../../../src/contracts/equipment-hazards.ts';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { directiveStatusTag, hazardStatusLabel, inspectionStateTag } from './directive-labels.tsx';

const statuses = ['issued', 'overdue', 'rectified', 'closed'] as const;
const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/**
 * 安全监察指令书: the orders of the caller's stations, and the 监督检查 form that records hazards on a piece of
 * equipment and issues the order. `?equipmentId=` (from the equipment page) filters and pre-fills the form.
 */
export function EquipmentDirectivesPage() {
  const t = useT();
  const canWrite = useAuth().can('equipment:write');
  const [params] = useSearchParams();
  const equipmentId = Number(params.get('equipmentId')) || undefined;
  const [status, setStatus] = useState<string>();
  const [recording, setRecording] = useState(false);
  const list = useAsync(
    (signal) => equipmentHazardsApi.directives({ status, equipmentId }, { signal }),
    ['equipment', 'directives', status ?? '', equipmentId ?? 0],
  );
  const columns = useMemo<TableColumnsType<TDirectiveRow>>(
    () => [
      {
        title: t('equipmentHazards.docNo'),
        dataIndex: 'docNo',
        render: (n: string, r) => <Link to={`/equipment/directives/${r.id}`}>{n}</Link>,
      },
      { title: t('equipmentHazards.equipmentCode'), dataIndex: 'equipmentCode' },
      { title: t('equipmentHazards.entity'), dataIndex: 'entityName' },
      { title: t('equipmentHazards.issuedOn'), dataIndex: 'issuedOn' },
      { title: t('equipmentHazards.deadline'), dataIndex: 'deadline' },
      {
        title: t('equipmentHazards.statusLabel'),
        dataIndex: 'status',
        render: (s: string) => directiveStatusTag(t, s),
      },
      {
        title: t('equipmentHazards.inspectionStateLabel'),
        dataIndex: 'inspectionState',
        render: (s: string) => inspectionStateTag(t, s),
      },
      { title: t('equipmentHazards.caseLead'), dataIndex: 'caseLeadNo', render: (v: string | null) => v ?? '—' },
      { title: t('equipmentHazards.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('equipmentHazards.directives.title')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="hazard-record"
            >
              {t('equipmentHazards.record')}
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
            options={statuses.map((s) => ({ value: s, label: t(`equipmentHazards.status.${s}`) }))}
          />
          <Button
            icon={<DownloadOutlined />}
            href={equipmentHazardsApi.exportUrl({ status, equipmentId })}
            data-testid="hazards-export"
          >
            {t('equipmentHazards.export')}
          </Button>
          <Link to="/equipment/supervisions">{t('nav.equipmentSupervisions')}</Link>
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
            data-testid="directives-table"
          />
        )}
      </Card>
      {recording && <RecordModal equipmentId={equipmentId} onClose={() => setRecording(false)} />}
    </>
  );
}

type RecordValues = {
  equipmentId: number;
  foundOn: Dayjs;
  inspectorNames: string;
  inUse: boolean;
  hazards: { gradeCode: string; description: string }[];
};

/** 监督检查: the hazards found on one piece of equipment; then the order for them, with its deadline. */
function RecordModal({ equipmentId, onClose }: { equipmentId?: number; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const grades = useAsync((signal) => equipmentHazardsApi.grades({ signal }), ['equipment', 'hazard-grades']);
  const [form] = Form.useForm<RecordValues>();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ hazards: THazard[]; caseLeadNo: string | null }>();
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const record = async () => {
    const v = await form.validateFields();
    setBusy(true);
    equipmentHazardsApi
      .recordInspection({ ...v, foundOn: day(v.foundOn) })
      .then(setFound, (err: Error) => message.error(err.message))
      .finally(() => setBusy(false));
  };
  const issue = () => {
    if (!found) return;
    setBusy(true);
    equipmentHazardsApi
      .issue({ hazardIds: found.hazards.map((h) => h.id), deadline: deadline ? day(deadline) : undefined })
      .then(
        (d) => navigate(`/equipment/directives/${d.id}`),
        (err: Error) => message.error(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal
      open
      width={720}
      title={t('equipmentHazards.record')}
      onCancel={onClose}
      okText={found ? t('equipmentHazards.issue') : t('common.save')}
      okButtonProps={{ loading: busy, 'data-testid': found ? 'directive-issue' : 'hazard-save' } as never}
      onOk={found ? issue : record}
    >
      {found ? (
        <>
          {found.caseLeadNo && (
            <p data-testid="hazard-case-lead">{t('equipmentHazards.caseLeadRaised', { no: found.caseLeadNo })}</p>
          )}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={found.hazards}
            columns={[
              { title: t('equipmentHazards.grade'), dataIndex: 'gradeName' },
              { title: t('equipmentHazards.description'), dataIndex: 'description' },
              {
                title: t('equipmentHazards.statusLabel'),
                dataIndex: 'status',
                render: (s: string) => hazardStatusLabel(t, s),
              },
            ]}
          />
          <Form layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item label={t('equipmentHazards.deadline')} extra={t('equipmentHazards.deadlineHint')}>
              <DatePicker value={deadline} onChange={setDeadline} data-testid="directive-deadline" />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            equipmentId,
            foundOn: dayjs(),
            inUse: true,
            hazards: [{ gradeCode: 'general', description: '' }],
          }}
        >
          <Form.Item name="equipmentId" label={t('equipmentHazards.equipmentId')} rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 200 }} data-testid="hazard-equipment" />
          </Form.Item>
          <Form.Item name="foundOn" label={t('equipmentHazards.foundOn')} rules={[{ required: true }]}>
            <DatePicker data-testid="hazard-found-on" />
          </Form.Item>
          <Form.Item name="inspectorNames" label={t('equipmentHazards.inspectors')} rules={[{ required: true }]}>
            <Input maxLength={200} data-testid="hazard-inspectors" />
          </Form.Item>
          <Form.Item name="inUse" label={t('equipmentHazards.inUse')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.List name="hazards">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'gradeCode']} rules={[{ required: true }]}>
                      <Select
                        style={{ width: 140 }}
                        options={(grades.data ?? [])
                          .filter((g) => g.active)
                          .map((g) => ({ value: g.code, label: g.name }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} rules={[{ required: true }]}>
                      <Input style={{ width: 380 }} maxLength={2000} data-testid="hazard-description" />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  onClick={() => add({ gradeCode: 'general', description: '' })}
                  icon={<PlusOutlined />}
                >
                  {t('equipmentHazards.addHazard')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </Modal>
  );
}
