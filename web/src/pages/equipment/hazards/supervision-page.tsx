import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { THazard } from '../../../../../src/contracts/equipment-hazards.ts';
import type { TSupervision } from '../../../../../src/contracts/equipment-supervisions.ts';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { spotChecksApi } from '../../../api/spot-checks.ts';
import { useAuth, useMe } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { hazardStatusLabel, inspectionStateTag } from './directive-labels.tsx';
import { supervisionStatusTag } from './supervisions-page.tsx';

type Equipment = TSupervision['equipment'][number];

/**
 * One 监督检查 visit: start it (≥ 2 inspectors), record hazards on the entity's equipment from the visit, order
 * their rectification (指令书), and complete the visit.
 */
export function EquipmentSupervisionPage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('equipment:write');
  const state = useAsync((signal) => equipmentHazardsApi.supervision(id, { signal }), ['equipment', 'supervision', id]);
  const [recording, setRecording] = useState<Equipment>();
  const s = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!s) return <Card loading />;
  const done = (next: TSupervision) => state.setData(() => next);
  return (
    <>
      <PageHeader title={`${t('equipmentHazards.supervision')} · ${s.entityName}`} />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="supervision-facts">
          <Descriptions.Item label={t('equipmentHazards.statusLabel')}>
            {supervisionStatusTag(t, s.status)}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.plannedOn')}>{s.plannedOn}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.foundOn')}>{s.inspectedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.inspectors')}>
            {s.inspectors.map((i) => i.name).join(t('common.separator')) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.station')}>{s.stationName}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.findings')}>{s.findings ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {s.status === 'planned' && canWrite && <StartCard supervision={s} onDone={done} />}
      <Card title={t('equipmentHazards.entityEquipment')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={s.equipment}
          data-testid="supervision-equipment"
          columns={[
            { title: t('equipmentHazards.equipmentCode'), dataIndex: 'equipmentCode' },
            { title: t('equipmentHazards.category'), dataIndex: 'categoryName' },
            { title: t('equipmentHazards.registrationNo'), dataIndex: 'registrationNo', render: (v) => v ?? '—' },
            {
              title: t('equipmentHazards.inspectionStateLabel'),
              dataIndex: 'inspectionState',
              render: (v: string) => inspectionStateTag(t, v),
            },
            {
              title: '',
              key: 'record',
              render: (_, e) =>
                s.canRecord && (
                  <Button size="small" onClick={() => setRecording(e)} data-testid={`visit-record-${e.id}`}>
                    {t('equipmentHazards.recordHazard')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <VisitHazards supervision={s} />
      {s.canRecord && <CompleteCard supervision={s} onDone={done} />}
      {recording && (
        <HazardModal
          supervision={s}
          equipment={recording}
          onClose={() => setRecording(undefined)}
          onDone={() => {
            setRecording(undefined);
            state.reload();
          }}
        />
      )}
    </>
  );
}

function StartCard({ supervision: s, onDone }: { supervision: TSupervision; onDone: (s: TSupervision) => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const pool = useAsync((signal) => spotChecksApi.inspectors({ signal }), ['spotChecks', 'inspectors']);
  const [ids, setIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      onDone(await equipmentHazardsApi.startSupervision(s.id, s.version, ids));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('equipmentHazards.start')} style={{ marginTop: 16 }}>
      <Flex vertical gap={8}>
        <Select
          mode="multiple"
          placeholder={t('equipmentHazards.partners')}
          value={ids}
          onChange={setIds}
          optionFilterProp="label"
          options={(pool.data ?? [])
            .filter((p) => p.active && p.username !== me.user.username)
            .map((p) => ({
              value: p.id,
              label: t('common.withNote', { text: p.name, note: p.stationName ?? p.departmentName }),
            }))}
          data-testid="supervision-partners"
        />
        <Button type="primary" loading={busy} onClick={start} data-testid="supervision-start">
          {t('equipmentHazards.start')}
        </Button>
      </Flex>
    </Card>
  );
}

/** The hazards recorded on the visit; the open ones of one piece of equipment are ordered in one 指令书. */
function VisitHazards({ supervision: s }: { supervision: TSupervision }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canWrite = useAuth().can('equipment:write');
  const [busy, setBusy] = useState(false);
  const issue = async (h: THazard) => {
    setBusy(true);
    try {
      const hazardIds = s.hazards
        .filter((x) => x.equipmentId === h.equipmentId && x.status === 'open')
        .map((x) => x.id);
      const d = await equipmentHazardsApi.issue({ hazardIds });
      navigate(`/equipment/directives/${d.id}`);
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('equipmentHazards.hazards')} style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={s.hazards}
        data-testid="visit-hazards"
        columns={[
          { title: t('equipmentHazards.equipmentCode'), dataIndex: 'equipmentCode' },
          { title: t('equipmentHazards.grade'), dataIndex: 'gradeName' },
          { title: t('equipmentHazards.description'), dataIndex: 'description' },
          { title: t('equipmentHazards.statusLabel'), dataIndex: 'status', render: (v) => hazardStatusLabel(t, v) },
          {
            title: t('equipmentHazards.docNo'),
            key: 'directive',
            render: (_, h) =>
              h.directiveId ? (
                <Link to={`/equipment/directives/${h.directiveId}`}>{t('equipmentHazards.openDirective')}</Link>
              ) : (
                canWrite &&
                h.status === 'open' && (
                  <Button size="small" loading={busy} onClick={() => issue(h)} data-testid="visit-issue">
                    {t('equipmentHazards.issue')}
                  </Button>
                )
              ),
          },
        ]}
      />
    </Card>
  );
}

type HazardValues = { inUse: boolean; hazards: { gradeCode: string; description: string }[] };

function HazardModal({
  supervision: s,
  equipment: e,
  onClose,
  onDone,
}: {
  supervision: TSupervision;
  equipment: Equipment;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const grades = useAsync((signal) => equipmentHazardsApi.grades({ signal }), ['equipment', 'hazard-grades']);
  const [form] = Form.useForm<HazardValues>();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await equipmentHazardsApi.recordOnVisit(s.id, { equipmentId: e.id, ...v });
      if (r.caseLeadNo) message.warning(t('equipmentHazards.caseLeadRaised', { no: r.caseLeadNo }));
      onDone();
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={`${t('equipmentHazards.recordHazard')} · ${e.equipmentCode}`}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ loading: busy, 'data-testid': 'visit-hazard-save' } as never}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ inUse: true, hazards: [{ gradeCode: 'general', description: '' }] }}
      >
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
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true, whitespace: true }]}>
                    <Input
                      style={{ width: 360, maxWidth: '70vw' }}
                      maxLength={2000}
                      data-testid="visit-hazard-description"
                    />
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
    </Modal>
  );
}

function CompleteCard({ supervision: s, onDone }: { supervision: TSupervision; onDone: (s: TSupervision) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [findings, setFindings] = useState('');
  const [busy, setBusy] = useState(false);
  const complete = async () => {
    setBusy(true);
    try {
      onDone(await equipmentHazardsApi.completeSupervision(s.id, s.version, findings.trim() || undefined));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('equipmentHazards.complete')} style={{ marginTop: 16 }}>
      <Flex vertical gap={8}>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={t('equipmentHazards.findings')}
          value={findings}
          onChange={(ev) => setFindings(ev.target.value)}
          data-testid="supervision-findings"
        />
        <Button type="primary" loading={busy} onClick={complete} data-testid="supervision-complete">
          {t('equipmentHazards.complete')}
        </Button>
      </Flex>
    </Card>
  );
}
