import { Button, Card, DatePicker, Form, Input, Modal, message, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TCdBusiness, TCdInspection } from '../../../../src/contracts/cosmetics-devices.ts';
import {
  type CdInspectionResult,
  type CdInspectionStatus,
  cdInspectionResults,
} from '../../../../src/domain/cosmetics-devices.ts';
import { cdApi } from '../../api/cosmetics-devices.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const statusColour: Record<CdInspectionStatus, string> = { scheduled: 'blue', done: 'green' };
const resultColour: Record<CdInspectionResult, string> = { pass: 'green', rectify: 'orange', fail: 'red' };

/**
 * 监督检查 of one business, run on the visit engine: the list (newest first), 安排检查 for those who may write and
 * 录入结果 for an inspector of the visit (their visit list and inbox lead here: the visit page redirects).
 */
export function CdInspectionsCard({ business, canWrite }: { business: TCdBusiness; canWrite: boolean }) {
  const t = useT();
  const state = useAsync((signal) => cdApi.inspections(business.id, { signal }), ['cd', 'inspections', business.id]);
  const [recording, setRecording] = useState<TCdInspection>();
  const items = state.data?.items ?? [];
  return (
    <Card
      title={t('cd.inspection.title')}
      style={{ marginBottom: 16 }}
      extra={canWrite && <ScheduleButton business={business} onDone={state.reload} />}
      data-testid="cd-inspections"
    >
      {state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : (
        <Table<TCdInspection>
          rowKey="id"
          size="small"
          loading={state.loading && !state.data}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          pagination={false}
          locale={{ emptyText: t('cd.inspection.none') }}
          data-testid="cd-inspections-table"
          columns={[
            { title: t('cd.inspection.plannedOn'), dataIndex: 'plannedOn' },
            {
              title: t('cd.inspection.status'),
              dataIndex: 'status',
              render: (s: CdInspectionStatus, r) => (
                <Tag color={statusColour[s]} data-testid={`cd-inspection-status-${r.id}`}>
                  {t(`cd.inspection.status.${s}`)}
                </Tag>
              ),
            },
            {
              title: t('cd.inspection.inspectors'),
              dataIndex: 'inspectors',
              render: (list: TCdInspection['inspectors']) => list.map((i) => i.name).join(t('common.separator')),
            },
            {
              title: t('cd.inspection.result'),
              dataIndex: 'result',
              render: (r: CdInspectionResult | null) =>
                r ? <Tag color={resultColour[r]}>{t(`cd.inspection.result.${r}`)}</Tag> : '—',
            },
            { title: t('cd.inspection.findings'), dataIndex: 'findings', render: (f: string | null) => f ?? '—' },
            {
              title: t('cd.inspection.actions'),
              key: 'actions',
              render: (_, r) =>
                r.canRecord ? (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setRecording(r)}
                    data-testid={`cd-inspection-record-${r.id}`}
                  >
                    {t('cd.inspection.record')}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <RecordModal
        inspection={recording}
        onClose={() => setRecording(undefined)}
        onDone={() => {
          setRecording(undefined);
          state.reload();
        }}
      />
    </Card>
  );
}

type ScheduleValues = { plannedOn: Dayjs; inspectorIds?: number[] };

function ScheduleButton({ business, onDone }: { business: TCdBusiness; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ScheduleValues>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);
  // The station's active inspectors to name; when the pool cannot be read the engine's choice remains.
  const pool = useAsync(
    (signal) => (open ? spotChecksApi.inspectors({ signal }) : Promise.resolve([])),
    [...queryKeys.spotChecks.inspectors(), open],
  );
  const close = () => {
    setOpen(false);
    form.resetFields();
    clear();
  };
  const onOk = () =>
    submit(async (v) => {
      const i = await cdApi.scheduleInspection(business.id, {
        plannedOn: v.plannedOn.format('YYYY-MM-DD'),
        inspectorIds: v.inspectorIds ?? [],
      });
      message.success(
        t('cd.inspection.scheduled', { names: i.inspectors.map((x) => x.name).join(t('common.separator')) }),
      );
      onDone();
      close();
    });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="cd-inspection-schedule">
        {t('cd.inspection.schedule')}
      </Button>
      <Modal
        open={open}
        title={`${t('cd.inspection.schedule')} · ${business.entityName}`}
        onCancel={close}
        onOk={onOk}
        confirmLoading={submitting}
        okButtonProps={{ 'data-testid': 'cd-inspection-schedule-ok' }}
        destroyOnHidden
        data-testid="cd-inspection-schedule-modal"
      >
        <FormAlert failure={failure} />
        <Form<ScheduleValues> form={form} layout="vertical" initialValues={{ plannedOn: dayjs() }}>
          <Form.Item
            name="plannedOn"
            label={t('cd.inspection.plannedOn')}
            rules={[{ required: true, message: t('cd.inspection.plannedOnRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
              data-testid="cd-inspection-date"
            />
          </Form.Item>
          <Form.Item
            name="inspectorIds"
            label={t('cd.inspection.inspectors')}
            extra={t('cd.inspection.inspectorsHint')}
          >
            <Select
              mode="multiple"
              allowClear
              optionFilterProp="label"
              loading={open && !pool.data}
              options={(pool.data ?? [])
                .filter((p) => p.active && p.stationId === business.stationId)
                .map((p) => ({ value: p.id, label: p.name }))}
              data-testid="cd-inspection-inspectors"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

type RecordValues = { result: CdInspectionResult; findings?: string };

function RecordModal({
  inspection,
  onClose,
  onDone,
}: {
  inspection: TCdInspection | undefined;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<RecordValues>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);
  const result = Form.useWatch('result', form);
  const close = () => {
    form.resetFields();
    clear();
    onClose();
  };
  const onOk = () =>
    submit(async (v) => {
      if (!inspection) return;
      await cdApi.recordInspection(inspection.id, {
        version: inspection.version,
        result: v.result,
        findings: v.findings?.trim() || undefined,
      });
      message.success(t('cd.inspection.recorded'));
      form.resetFields();
      clear();
      onDone();
    });
  return (
    <Modal
      open={!!inspection}
      title={t('cd.inspection.record')}
      onCancel={close}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'cd-inspection-record-ok' }}
      destroyOnHidden
      data-testid="cd-inspection-record-modal"
    >
      <FormAlert failure={failure} />
      <Form<RecordValues> form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="result"
          label={t('cd.inspection.result')}
          rules={[{ required: true, message: t('cd.inspection.resultRequired') }]}
        >
          <Select
            options={(Object.keys(cdInspectionResults) as CdInspectionResult[]).map((r) => ({
              value: r,
              label: t(`cd.inspection.result.${r}`),
            }))}
            data-testid="cd-inspection-result"
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('cd.inspection.findings')}
          rules={
            result && result !== 'pass'
              ? [{ required: true, whitespace: true, message: t('cd.inspection.findingsRequired') }]
              : []
          }
        >
          <Input.TextArea maxLength={2000} rows={3} data-testid="cd-inspection-findings" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
