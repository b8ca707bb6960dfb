import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ZMeasureBody, ZMeasureExtendBody, ZMeasureReleaseBody } from '../../../../src/contracts/case-execution.ts';
import { caseMeasuresApi, type TMeasure } from '../../api/case-measures.ts';
import type { TCaseDetail } from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { type DueState, daysUntil } from './case-labels.ts';
import { DueCell } from './leads-page.tsx';

/** Days before the due day from which a measure in force shows amber (a 先行登记保存 lasts about 9 days). */
const SOON_DAYS = 3;

/** Red past due (or released late), amber within three days; a measure released in time is plain. */
export function measureDueState(m: Pick<TMeasure, 'status' | 'overdue' | 'daysLeft'>): DueState {
  if (m.overdue) return 'overdue';
  if (m.status === 'active' && m.daysLeft !== null && m.daysLeft <= SOON_DAYS) return 'soon';
  return 'normal';
}

type Mode = { kind: 'take' } | { kind: 'extend' | 'release'; measure: TMeasure };

/**
 * 强制措施: the case's 先行登记保存 (decided within 7 working days) and 查封、扣押 (30 days, +30 once) with their
 * deadlines; writers take, extend and release them while the API allows it (`canTake`, `canChange`, `canExtend`).
 */
export function MeasuresTab({ item }: { item: TCaseDetail }) {
  const t = useT();
  const list = useAsync((signal) => caseMeasuresApi.list(item.id, { signal }), queryKeys.cases.measures(item.id));
  const [mode, setMode] = useState<Mode>();
  const canChange = list.data?.canChange ?? false;

  const columns = [
    {
      title: t('caseMeasures.kind'),
      dataIndex: 'kind',
      render: (k: string) => codeLabel(t, 'caseMeasures.kind', k),
    },
    {
      title: t('caseMeasures.items'),
      dataIndex: 'items',
      render: (items: string) => (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, maxWidth: 320 }}>
          {items}
        </Typography.Paragraph>
      ),
    },
    { title: t('caseMeasures.startedOn'), dataIndex: 'startedOn' },
    {
      title: t('caseMeasures.dueOn'),
      key: 'due',
      render: (_: unknown, m: TMeasure) => <MeasureDue t={t} m={m} />,
    },
    {
      title: t('caseMeasures.status'),
      key: 'status',
      render: (_: unknown, m: TMeasure) => <MeasureState t={t} m={m} />,
    },
    ...(canChange
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, m: TMeasure) =>
              m.status === 'active' && (
                <Space orientation="vertical" size={4}>
                  {m.canExtend && (
                    <Button
                      size="small"
                      onClick={() => setMode({ kind: 'extend', measure: m })}
                      data-testid={`measure-extend-${m.id}`}
                    >
                      {t('caseMeasures.extend')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => setMode({ kind: 'release', measure: m })}
                    data-testid={`measure-release-${m.id}`}
                  >
                    {t('caseMeasures.release')}
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      {list.data?.canTake && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setMode({ kind: 'take' })} data-testid="measure-take">
            {t('caseMeasures.take')}
          </Button>
          <Typography.Text type="secondary">{t('caseMeasures.takeHint')}</Typography.Text>
        </Space>
      )}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TMeasure>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('caseMeasures.none') }}
        data-testid="case-measures"
      />
      {mode && (
        <MeasureModal
          caseId={item.id}
          mode={mode}
          onClose={() => setMode(undefined)}
          onDone={() => {
            setMode(undefined);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function MeasureDue({ t, m }: { t: Translate; m: TMeasure }) {
  const state = measureDueState(m);
  return (
    <Space orientation="vertical" size={0}>
      <Space size={4} wrap>
        <DueCell t={t} due={m.dueOn} state={state} />
        {m.extended && <Tag color="blue">{t('caseMeasures.extended')}</Tag>}
      </Space>
      {m.daysLeft !== null ? (
        <Typography.Text type={state === 'overdue' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {m.daysLeft < 0 ? t('cases.daysOverdue', { days: -m.daysLeft }) : t('cases.daysLeft', { days: m.daysLeft })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`caseMeasures.dueRule.${m.kind}`)}
        </Typography.Text>
      )}
    </Space>
  );
}

function MeasureState({ t, m }: { t: Translate; m: TMeasure }) {
  const late = m.endedOn && m.endedOn > m.dueOn ? daysUntil(m.endedOn, dayjs(m.dueOn)) : 0;
  return (
    <Space orientation="vertical" size={2} style={{ maxWidth: 260 }}>
      <Space size={4} wrap>
        <StatusTag workflow="caseMeasure" status={m.status} data-testid={`measure-status-${m.id}`} />
        {late > 0 && <Tag color="red">{t('caseMeasures.endedLate', { days: late })}</Tag>}
      </Space>
      {m.extended && m.extendedOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('caseMeasures.extendedRow', { from: m.firstDueOn, on: m.extendedOn, reason: m.extensionReason ?? '' })}
        </Typography.Text>
      )}
      {m.endedOn && (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('caseMeasures.endedRow', { on: m.endedOn, outcome: m.outcome ?? '' })}
        </Typography.Text>
      )}
    </Space>
  );
}

interface Values {
  kind?: TMeasure['kind'];
  items?: string;
  startedOn?: Dayjs;
  reason?: string;
  endedOn?: Dayjs;
  outcome?: string;
}

const day = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD') ?? '';
const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

/** 采取 / 延长 / 解除或处理: the fields each API call takes, checked with the contract's own messages. */
function MeasureModal({
  caseId,
  mode,
  onClose,
  onDone,
}: {
  caseId: number;
  mode: Mode;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const measure = mode.kind === 'take' ? undefined : mode.measure;
  const short = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
  const title =
    mode.kind === 'take'
      ? t('caseMeasures.take')
      : t(mode.kind === 'extend' ? 'caseMeasures.extendTitle' : 'caseMeasures.releaseTitle', {
          items: short(mode.measure.items),
        });

  const onOk = () =>
    submit(async (v) => {
      if (mode.kind === 'take')
        await caseMeasuresApi.take(caseId, {
          kind: v.kind ?? 'preservation',
          items: v.items ?? '',
          startedOn: day(v.startedOn),
        });
      else if (mode.kind === 'extend') await caseMeasuresApi.extend(mode.measure.id, { reason: v.reason ?? '' });
      else await caseMeasuresApi.release(mode.measure.id, { endedOn: day(v.endedOn), outcome: v.outcome ?? '' });
      onDone();
    });

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'measure-ok' }}
      destroyOnHidden
      data-testid="measure-modal"
    >
      <FormAlert failure={failure} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'preservation', startedOn: dayjs(), endedOn: dayjs() }}
      >
        {mode.kind === 'take' && (
          <>
            <Form.Item name="kind" label={t('caseMeasures.kind')} rules={[{ required: true }]}>
              <Radio.Group data-testid="measure-field-kind">
                <Radio value="preservation">{t('caseMeasures.kind.preservation')}</Radio>
                <Radio value="seizure">{t('caseMeasures.kind.seizure')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item
              name="items"
              label={t('caseMeasures.items')}
              rules={[
                { required: true, whitespace: true, message: t('caseMeasures.itemsRequired') },
                zodRule(ZMeasureBody.shape.items),
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={4000}
                placeholder={t('caseMeasures.itemsPlaceholder')}
                data-testid="measure-field-items"
              />
            </Form.Item>
            <Form.Item
              name="startedOn"
              label={t('caseMeasures.startedOn')}
              rules={[{ required: true, message: t('caseMeasures.startedOnRequired') }]}
            >
              <DatePicker inputReadOnly disabledDate={notAfterToday} data-testid="measure-field-started-on" />
            </Form.Item>
          </>
        )}
        {mode.kind === 'extend' && measure && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('caseMeasures.extendHint', { dueOn: dayjs(measure.dueOn).add(30, 'day').format('YYYY-MM-DD') })}
            />
            <Form.Item
              name="reason"
              label={t('caseMeasures.reason')}
              rules={[
                { required: true, whitespace: true, message: t('caseMeasures.reasonRequired') },
                zodRule(ZMeasureExtendBody.shape.reason),
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="measure-field-reason" />
            </Form.Item>
          </>
        )}
        {mode.kind === 'release' && measure && (
          <>
            <Form.Item
              name="endedOn"
              label={t('caseMeasures.endedOn')}
              rules={[{ required: true, message: t('caseMeasures.endedOnRequired') }]}
            >
              <DatePicker
                inputReadOnly
                disabledDate={(d) => notAfterToday(d) || d.isBefore(dayjs(measure.startedOn), 'day')}
                data-testid="measure-field-ended-on"
              />
            </Form.Item>
            <Form.Item
              name="outcome"
              label={t('caseMeasures.outcome')}
              rules={[
                { required: true, whitespace: true, message: t('caseMeasures.outcomeRequired') },
                zodRule(ZMeasureReleaseBody.shape.outcome),
              ]}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                placeholder={t('caseMeasures.outcomePlaceholder')}
                data-testid="measure-field-outcome"
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
