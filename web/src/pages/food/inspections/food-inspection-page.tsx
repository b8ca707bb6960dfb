import { CameraOutlined, FilePdfOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  List,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TFoodInspection } from '../../../../../src/contracts/food-inspections.ts';
import { visitRecordPdfUrl } from '../../../../../src/contracts/spot-check-signatures.ts';
import { foodInspectionsApi, type TOutcome } from '../../../api/food-inspections.ts';
import { spotChecksApi, uploadEvidence } from '../../../api/spot-checks.ts';
import { useAuth, useMe } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useAsync } from '../../../lib/use-async.ts';
import { VisitSignatures } from '../../spot-checks/visit-signatures.tsx';
import { GradeFace, ResultTag } from './grade-face.tsx';

type Item = NonNullable<TFoodInspection['checklist']>['items'][number];
type Draft = { outcome?: TOutcome; notes: string; fileIds: number[] };

/**
 * One food inspection on a phone: start it (≥ 2 inspectors), the checklist by section with 重点 marks, photos and
 * notes per item, the entity's and the inspectors' signatures (the visit engine's pad and record.pdf), the
 * result with its grade face and consequences, publication.
 */
export function FoodInspectionPage() {
  const t = useT();
  const id = Number(useParams().id);
  const state = useAsync((signal) => foodInspectionsApi.get(id, { signal }), ['food', 'inspection', id]);
  const i = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!i) return <Card loading />;
  const set = (next: TFoodInspection) => state.setData(() => next);
  return (
    <div style={{ maxWidth: 680, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {i.entityName}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`foodInspection.status.${i.status}` as MessageKey)}</Tag>
        <span>{t(`foodInspection.kind.${i.kind}` as MessageKey)}</span>
        <span>{i.stationName}</span>
        {i.inspectors.length > 0 && <span>{i.inspectors.map((x) => x.name).join(t('common.separator'))}</span>}
        {i.checklist && (
          <Typography.Text type="secondary">
            {t('common.withNote', { text: i.checklist.title, note: i.checklist.version })}
          </Typography.Text>
        )}
      </Space>
      {i.status === 'planned' && <StartCard inspection={i} onDone={set} />}
      {i.status === 'done' && <ResultCard inspection={i} onChange={set} />}
      <Certificates inspection={i} />
      {i.checklist && i.status !== 'planned' && <Checklist inspection={i} onSaved={set} />}
      {i.visitId && i.status !== 'planned' && (
        <VisitSignatures visitId={i.visitId} complete={!!i.checklist?.items.every((x) => x.outcome)} />
      )}
      {i.status === 'inProgress' && i.canRecord && <SubmitCard inspection={i} onDone={set} />}
    </div>
  );
}

function StartCard({ inspection: i, onDone }: { inspection: TFoodInspection; onDone: (d: TFoodInspection) => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const pool = useAsync((signal) => spotChecksApi.inspectors({ signal }), ['spotChecks', 'inspectors']);
  const [ids, setIds] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      onDone(await foodInspectionsApi.start(i.id, i.version, ids));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('foodInspection.startTitle')} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{t('foodInspection.startHint')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        <Select
          mode="multiple"
          size="large"
          placeholder={t('foodInspection.partners')}
          value={ids}
          onChange={setIds}
          optionFilterProp="label"
          options={(pool.data ?? [])
            .filter((p) => p.active && p.username !== me.user.username)
            .map((p) => ({
              value: p.id,
              label: t('common.withNote', { text: p.name, note: p.stationName ?? p.departmentName }),
            }))}
          data-testid="inspection-partners"
        />
        <Button type="primary" size="large" block loading={busy} onClick={start} data-testid="inspection-start">
          {t('foodInspection.start')}
        </Button>
      </Flex>
    </Card>
  );
}

function Certificates({ inspection: i }: { inspection: TFoodInspection }) {
  const t = useT();
  if (!i.certificates.length) return null;
  const expired = i.certificates.filter((c) => c.expired).length;
  return (
    <Card size="small" title={t('foodInspection.certificates')} style={{ marginBottom: 12 }}>
      {expired > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('foodInspection.expiredCount', { n: expired })}
        />
      )}
      <List
        size="small"
        dataSource={i.certificates}
        renderItem={(c) => (
          <List.Item data-testid={`certificate-${c.id}`}>
            <span>
              {c.staffName} · {c.certificateNo}
            </span>
            <span>
              {c.validUntil} {c.expired && <Tag color="red">{t('foodInspection.expired')}</Tag>}
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Checklist({ inspection: i, onSaved }: { inspection: TFoodInspection; onSaved: (d: TFoodInspection) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const editable = i.canRecord;
  const items = i.checklist!.items;
  const [drafts, setDrafts] = useState<Record<number, Draft>>(() =>
    Object.fromEntries(
      items.map((x) => [x.id, { outcome: x.outcome ?? undefined, notes: x.notes ?? '', fileIds: x.fileIds }]),
    ),
  );
  const [saving, setSaving] = useState(false);
  const sections = useMemo(() => {
    const m = new Map<string, Item[]>();
    for (const x of items) m.set(x.section, [...(m.get(x.section) ?? []), x]);
    return [...m.entries()];
  }, [items]);
  const patch = (itemId: number, p: Partial<Draft>) => setDrafts((d) => ({ ...d, [itemId]: { ...d[itemId]!, ...p } }));
  const allPass = () =>
    setDrafts((d) =>
      Object.fromEntries(items.map((x) => [x.id, { ...d[x.id]!, outcome: d[x.id]?.outcome ?? 'pass' }])),
    );
  const save = async () => {
    const entries = items
      .filter((x) => drafts[x.id]?.outcome)
      .map((x) => ({
        itemId: x.id,
        outcome: drafts[x.id]!.outcome!,
        notes: drafts[x.id]!.notes || undefined,
        fileIds: drafts[x.id]!.fileIds,
      }));
    if (!entries.length) return message.warning(t('foodInspection.nothingToSave'));
    setSaving(true);
    try {
      onSaved(await foodInspectionsApi.results(i.id, entries));
      message.success(t('common.saved'));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      {editable && (
        <Button block style={{ marginBottom: 12 }} onClick={allPass} data-testid="inspection-all-pass">
          {t('foodInspection.restPass')}
        </Button>
      )}
      {sections.map(([section, list]) => (
        <Card key={section} size="small" title={section} style={{ marginBottom: 12 }}>
          {list.map((x) => (
            <ItemRow
              key={x.id}
              item={x}
              visitId={i.visitId!}
              draft={drafts[x.id]!}
              editable={editable}
              onChange={(p) => patch(x.id, p)}
            />
          ))}
        </Card>
      ))}
      {editable && (
        <Button
          type="primary"
          size="large"
          block
          loading={saving}
          onClick={save}
          style={{ marginBottom: 12 }}
          data-testid="inspection-save"
        >
          {t('foodInspection.saveResults')}
        </Button>
      )}
    </>
  );
}

function ItemRow(props: {
  item: Item;
  visitId: number;
  draft: Draft;
  editable: boolean;
  onChange: (p: Partial<Draft>) => void;
}) {
  const { item, draft } = props;
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  return (
    <div style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} data-testid={`item-${item.code}`}>
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        {item.key && (
          <Tag color="red" data-testid="key-mark">
            {t('foodInspection.key')}
          </Tag>
        )}
        <Typography.Text type="secondary">{item.code}</Typography.Text> {item.name}
      </Typography.Paragraph>
      <Segmented<TOutcome>
        block
        size="large"
        disabled={!props.editable}
        value={draft.outcome as TOutcome}
        onChange={(outcome) => props.onChange({ outcome })}
        options={(['pass', 'fail', 'na'] as const).map((o) => ({
          value: o,
          label: t(`foodInspection.outcome.${o}` as MessageKey),
        }))}
        data-testid={`outcome-${item.code}`}
      />
      {(draft.outcome === 'fail' || draft.notes) && (
        <Input.TextArea
          rows={2}
          style={{ marginTop: 6 }}
          placeholder={t('foodInspection.problem')}
          value={draft.notes}
          disabled={!props.editable}
          onChange={(e) => props.onChange({ notes: e.target.value })}
          data-testid={`notes-${item.code}`}
        />
      )}
      <Space wrap style={{ marginTop: 6 }}>
        {draft.fileIds.map((f) => (
          <a key={f} href={`/api/v1/spot-checks/visits/${props.visitId}/files/${f}`} target="_blank" rel="noreferrer">
            {t('foodInspection.photo', { id: f })}
          </a>
        ))}
        {props.editable && (
          <Upload
            accept="image/*"
            capture="environment"
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) =>
              uploadEvidence(props.visitId, file as File, me.csrfToken).then(
                (f) => {
                  props.onChange({ fileIds: [...draft.fileIds, f.id] });
                  onSuccess?.(f);
                },
                (err) => {
                  message.error(errorDetail(t, err));
                  onError?.(err);
                },
              )
            }
          >
            <Button icon={<CameraOutlined />}>{t('foodInspection.takePhoto')}</Button>
          </Upload>
        )}
      </Space>
    </div>
  );
}

function SubmitCard({ inspection: i, onDone }: { inspection: TFoodInspection; onDone: (d: TFoodInspection) => void }) {
  const t = useT();
  const { modal } = App.useApp();
  const [lead, setLead] = useState(false);
  const [busy, setBusy] = useState(false);
  const keyFailed = i.checklist?.items.some((x) => x.key && x.outcome === 'fail');
  const submit = async () => {
    setBusy(true);
    try {
      onDone(await foodInspectionsApi.submit(i.id, i.version, lead));
    } catch (err) {
      modal.error({ title: t('foodInspection.submitFailed'), content: errorDetail(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      {keyFailed && (
        <Checkbox checked={lead} onChange={(e) => setLead(e.target.checked)} style={{ marginBottom: 8 }}>
          {t('foodInspection.caseLead')}
        </Checkbox>
      )}
      <Button type="primary" size="large" block loading={busy} onClick={submit} data-testid="inspection-submit">
        {t('foodInspection.submit')}
      </Button>
    </Card>
  );
}

function ResultCard({
  inspection: i,
  onChange,
}: {
  inspection: TFoodInspection;
  onChange: (d: TFoodInspection) => void;
}) {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const publish = () =>
    foodInspectionsApi.publish(i.id).then(onChange, (err: unknown) => message.error(errorDetail(t, err)));
  return (
    <Card
      size="small"
      title={t('foodInspection.resultTitle')}
      style={{ marginBottom: 12 }}
      data-testid="inspection-result"
    >
      <Flex align="center" gap={16} style={{ marginBottom: 8 }}>
        <ResultTag result={i.result} />
        <span>{t('foodInspection.scoreIs', { score: i.score ?? '—' })}</span>
        {i.grade ? (
          <GradeFace grade={i.grade.grade} size={36} />
        ) : (
          i.gradeWithheld && <Tag>{t(`foodInspection.withheld.${i.gradeWithheld}` as MessageKey)}</Tag>
        )}
      </Flex>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('foodInspection.inspectedOn')}>{i.inspectedOn}</Descriptions.Item>
        <Descriptions.Item label={t('foodInspection.failures')}>
          {t('foodInspection.failuresIs', { key: i.keyFailures ?? 0, general: i.generalFailures ?? 0 })}
        </Descriptions.Item>
        {i.gradingRulesVersion !== null && (
          <Descriptions.Item label={t('foodRules.gradedUnder')}>
            <Link to="/food/grading-rules">{`v${i.gradingRulesVersion}`}</Link>
          </Descriptions.Item>
        )}
        {i.rectifyDueOn && (
          <Descriptions.Item label={t('foodInspection.rectify')}>
            {t('foodInspection.rectifyBy', { date: i.rectifyDueOn })}
            {i.followupId && (
              <>
                {' · '}
                <Link to={`/food/inspections/${i.followupId}`}>{t('foodInspection.followup')}</Link>
              </>
            )}
          </Descriptions.Item>
        )}
        {i.caseLeadRef && (
          <Descriptions.Item label={t('foodInspection.caseLeadRef')}>{i.caseLeadRef}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('foodInspection.publication')}>
          {i.publishedAt
            ? t('foodInspection.published')
            : t('foodInspection.publishDue', { date: i.publishDueOn ?? '—' })}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {i.visitId && (
          <Button icon={<FilePdfOutlined />} href={visitRecordPdfUrl(i.visitId)} target="_blank">
            {t('foodInspection.record')}
          </Button>
        )}
        {i.visitStatus === 'inspected' && can('food:write') && (
          <Button type="primary" onClick={publish} data-testid="inspection-publish">
            {t('foodInspection.publish')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
