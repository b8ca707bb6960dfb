import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import type { TVisitDetail } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi, uploadEvidence } from '../../api/spot-checks.ts';
import { useAuth, useMe } from '../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { resultLabel } from './spot-check-labels.ts';
import { VisitSignatures } from './visit-signatures.tsx';

type Item = TVisitDetail['items'][number];

/**
 * Results entry on a phone: one card per item, full-width large controls, photos from the camera. Nothing here
 * needs a wide screen; the layout is a single column.
 */
export function VisitPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const visit = useAsync((signal) => spotChecksApi.visit(id, { signal }), queryKeys.spotChecks.visit(id));
  const ref = useAsync((signal) => spotChecksApi.reference({ signal }), queryKeys.spotChecks.reference());
  const v = visit.data;
  // Only the visit's drawn inspectors enter results (the server refuses anyone else).
  const editable = v?.canRecord === true;
  const act = async (action: 'complete' | 'publish') => {
    if (!v) return;
    try {
      const d = await spotChecksApi.transitionVisit(id, action, v.version);
      visit.setData(() => d);
      message.success(t(action === 'complete' ? 'spot.visit.completed' : 'spot.visit.published'));
    } catch (err) {
      modal.error({ title: t('spot.actionFailed'), content: errorDetail(t, err) });
    }
  };
  if (visit.error) return <LoadError error={visit.error} onRetry={visit.reload} />;
  if (!v) return null;
  if (v.foodInspectionId !== null) return <Navigate replace to={`/food/inspections/${v.foodInspectionId}`} />;
  if (v.cdBusinessId !== null) return <Navigate replace to={`/drugs/cd-businesses/${v.cdBusinessId}`} />;
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {v.entityName}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <StatusTag workflow="spotCheckVisit" status={v.status} data-testid="visit-status" />
        <span>{v.stationName}</span>
        <span>{v.inspectors.map((i) => i.name).join(t('spot.nameSep'))}</span>
        {v.publishDueOn && !v.publishedAt && (
          <Typography.Text type={v.overdue ? 'danger' : 'secondary'}>
            {t('spot.visit.dueOn', { date: v.publishDueOn })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{v.taskNames.join(t('spot.listSep'))}</Typography.Paragraph>
      {v.items.map((item) => (
        <ItemCard
          key={item.itemId}
          visitId={id}
          item={item}
          editable={!!editable}
          categories={ref.data?.categories ?? []}
          onSaved={(d) => visit.setData(() => d)}
        />
      ))}
      <VisitSignatures visitId={id} complete={v.items.every((i) => i.result)} />
      {v.actions.includes('complete') && can('spotcheck:write') && (
        <Button type="primary" size="large" block onClick={() => act('complete')} data-testid="visit-complete">
          {t('spot.action.complete')}
        </Button>
      )}
      {v.actions.includes('publish') && can('spotcheck:write') && (
        <Button type="primary" size="large" block onClick={() => act('publish')} data-testid="visit-publish">
          {t('spot.action.publish')}
        </Button>
      )}
    </div>
  );
}

function ItemCard(props: {
  visitId: number;
  item: Item;
  editable: boolean;
  categories: { code: string; label: string }[];
  onSaved: (d: TVisitDetail) => void;
}) {
  const { item } = props;
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [category, setCategory] = useState(item.result?.category);
  const [notes, setNotes] = useState(item.result?.notes ?? '');
  const [files, setFiles] = useState(item.result?.files ?? []);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!category) return message.warning(t('spot.visit.resultRequired'));
    setSaving(true);
    try {
      const d = await spotChecksApi.recordResult(props.visitId, {
        itemId: item.itemId,
        category: category as never,
        notes: notes || undefined,
        fileIds: files.map((f) => f.id),
      });
      props.onSaved(d);
      message.success(t('common.saved'));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title={item.name}
      extra={item.level === 'key' && <Tag color="red">{t('spot.level.key')}</Tag>}
      style={{ marginBottom: 12 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {item.departmentName} · {item.checklist.join(t('spot.listSep'))}
      </Typography.Paragraph>
      {item.result?.caseLeadRef && (
        <Tag color="orange">{t('spot.visit.leadRef', { ref: item.result.caseLeadRef })}</Tag>
      )}
      <Flex vertical gap={8}>
        <Select
          size="large"
          placeholder={t('spot.visit.result')}
          value={category}
          onChange={setCategory}
          disabled={!props.editable}
          options={props.categories.map((c) => ({ value: c.code, label: resultLabel(t, c.code, c.label) }))}
          data-testid={`result-${item.itemId}`}
        />
        <Input.TextArea
          rows={2}
          placeholder={t('spot.visit.notes')}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          disabled={!props.editable}
        />
        <Space wrap>
          {files.map((f) => (
            <a
              key={f.id}
              href={`/api/v1/spot-checks/visits/${props.visitId}/files/${f.id}`}
              target="_blank"
              rel="noreferrer"
            >
              {f.filename}
            </a>
          ))}
        </Space>
        {props.editable && (
          <Flex gap={8}>
            <Upload
              accept="image/*,application/pdf"
              capture="environment"
              showUploadList={false}
              customRequest={({ file, onSuccess, onError }) =>
                uploadEvidence(props.visitId, file as File, me.csrfToken).then(
                  (f) => {
                    setFiles((list) => [...list, f]);
                    onSuccess?.(f);
                  },
                  (err) => {
                    message.error(errorDetail(t, err));
                    onError?.(err);
                  },
                )
              }
            >
              <Button size="large" icon={<CameraOutlined />}>
                {t('spot.visit.attach')}
              </Button>
            </Upload>
            <Button
              type="primary"
              size="large"
              style={{ flex: 1 }}
              loading={saving}
              onClick={save}
              data-testid={`save-${item.itemId}`}
            >
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
