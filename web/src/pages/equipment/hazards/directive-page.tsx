import { App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Table, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { TDirective } from '../../../../../src/contracts/equipment-hazards.ts';
import { type DirectiveStep, equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { directiveStatusTag, hazardStatusLabel, inspectionStateTag } from './directive-labels.tsx';
import { EvidenceFiles } from './evidence-files.tsx';

/** The steps each status offers (the server's transition table decides; this only shows the buttons). */
const stepsFor = (d: TDirective): DirectiveStep[] =>
  d.status === 'issued' || d.status === 'overdue' ? ['rectify'] : d.status === 'rectified' ? ['accept', 'return'] : [];

/** One 指令书: the order, its hazards, the print (PDF/DOCX), rectification, acceptance and the trail. */
export function EquipmentDirectivePage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('equipment:write');
  const state = useAsync((signal) => equipmentHazardsApi.directive(id, { signal }), ['equipment', 'directive', id]);
  const [step, setStep] = useState<DirectiveStep>();
  const d = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!d) return <Card loading />;
  const v = (x: string | null) => x ?? '—';
  return (
    <>
      <PageHeader
        title={`${t('equipmentHazards.directive.title')} · ${d.docNo}`}
        extra={
          <Space wrap>
            <Button href={equipmentHazardsApi.documentUrl(d.id, 'pdf')} target="_blank" data-testid="directive-pdf">
              {t('equipmentHazards.printPdf')}
            </Button>
            <Button href={equipmentHazardsApi.documentUrl(d.id, 'docx')} data-testid="directive-docx">
              {t('equipmentHazards.printDocx')}
            </Button>
            {canWrite &&
              stepsFor(d).map((k) => (
                <Button key={k} type="primary" onClick={() => setStep(k)} data-testid={`directive-step-${k}`}>
                  {t(`equipmentHazards.step.${k}`)}
                </Button>
              ))}
          </Space>
        }
      />
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small" data-testid="directive-facts">
          <Descriptions.Item label={t('equipmentHazards.statusLabel')}>
            {directiveStatusTag(t, d.status)}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.inspectionStateLabel')}>
            {inspectionStateTag(t, d.inspectionState)}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.nextInspectionDue')}>
            {v(d.nextInspectionDue)}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.equipmentCode')}>{d.equipmentCode}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.registrationNo')}>{v(d.registrationNo)}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.entity')}>{d.entityName}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.issuedOn')}>{d.issuedOn}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.deadline')}>{d.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.requiresStop')}>
            {d.requiresStop ? t('equipmentHazards.yes') : t('equipmentHazards.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.inspectors')}>{d.inspectorNames}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.rectifiedOn')}>{v(d.rectifiedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.evidence')}>{v(d.evidence)}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.reinspectedOn')}>{v(d.reinspectedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.closedOn')}>{v(d.closedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('equipmentHazards.caseLead')}>{v(d.caseLeadNo)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('equipmentHazards.hazards')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.hazards}
          columns={[
            { title: t('equipmentHazards.grade'), dataIndex: 'gradeName' },
            { title: t('equipmentHazards.description'), dataIndex: 'description' },
            { title: t('equipmentHazards.foundOn'), dataIndex: 'foundOn' },
            {
              title: t('equipmentHazards.visit'),
              dataIndex: 'visitId',
              render: (v: number | null) => (v ? t('equipmentHazards.yes') : '—'),
            },
            {
              title: t('equipmentHazards.statusLabel'),
              dataIndex: 'status',
              render: (s: string) => hazardStatusLabel(t, s),
            },
          ]}
        />
      </Card>
      <EvidenceFiles
        directive={d}
        canWrite={canWrite}
        onChange={(files) => state.setData((x) => x && { ...x, files })}
      />
      <Card title={t('equipmentHazards.events')} style={{ marginTop: 16 }}>
        <Timeline
          items={d.events.map((e) => ({
            children: `${e.at.slice(0, 16)} · ${e.actorName ?? t('equipmentHazards.system')} · ${t(`equipmentHazards.status.${e.toStatus}` as never)}${e.note ? ` · ${e.note}` : ''}`,
          }))}
        />
      </Card>
      {step && (
        <StepModal
          directive={d}
          step={step}
          onClose={() => setStep(undefined)}
          onDone={(next) => {
            state.setData(() => next);
            setStep(undefined);
          }}
        />
      )}
    </>
  );
}

const dateFields = ['rectifiedOn', 'closedOn', 'reinspectedOn', 'nextInspectionDue', 'deadline'] as const;

function StepModal({
  directive,
  step,
  onClose,
  onDone,
}: {
  directive: TDirective;
  step: DirectiveStep;
  onClose: () => void;
  onDone: (d: TDirective) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { ...v, version: directive.version };
    for (const f of dateFields) body[f] = v[f] ? (v[f] as Dayjs).format('YYYY-MM-DD') : undefined;
    setBusy(true);
    equipmentHazardsApi
      .step(directive.id, step, body)
      .then(onDone, (err: Error) => message.error(err.message))
      .finally(() => setBusy(false));
  };
  const date = (name: (typeof dateFields)[number], required = true) => (
    <Form.Item name={name} label={t(`equipmentHazards.${name}`)} rules={[{ required }]}>
      <DatePicker data-testid={`directive-${name}`} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={t(`equipmentHazards.step.${step}`)}
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ loading: busy, 'data-testid': 'directive-step-submit' } as never}
    >
      <Form form={form} layout="vertical" initialValues={{ rectifiedOn: dayjs(), closedOn: dayjs() }}>
        {step === 'rectify' && (
          <>
            {date('rectifiedOn')}
            <Form.Item name="evidence" label={t('equipmentHazards.evidence')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="directive-evidence" />
            </Form.Item>
          </>
        )}
        {step === 'accept' && (
          <>
            {date('closedOn')}
            {date('reinspectedOn', false)}
            {date('nextInspectionDue', false)}
          </>
        )}
        {step === 'return' && (
          <>
            {date('deadline')}
            <Form.Item name="note" label={t('equipmentHazards.note')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
