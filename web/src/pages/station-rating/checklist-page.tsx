import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, InputNumber, message, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { stationRatingsApi, type TChecklist } from '../../api/station-ratings.ts';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';

type Draft = Pick<TChecklist, 'title' | 'standards' | 'bands'>;
type Item = Draft['standards'][number]['items'][number];

/** The 六有 checklist as data: item names and points per standard, and the star thresholds; saved as a new version. */
export function StationRatingChecklistPage() {
  const t = useT();
  const { data, error, reload, setData } = useAsync(
    (signal) => stationRatingsApi.checklist({ signal }),
    queryKeys.stationRatings.checklist(),
  );
  const [draft, setDraft] = useState<Draft>();
  const [failure, setFailure] = useState<{ detail: string; fields: string[] }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (data) setDraft({ title: data.title, standards: data.standards, bands: data.bands });
  }, [data]);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data || !draft) return <Skeleton active />;

  const max = draft.standards.reduce((n, s) => n + s.items.reduce((m, i) => m + (i.maxPoints || 0), 0), 0);
  const setItem = (si: number, ii: number, patch: Partial<Item>) =>
    setDraft({
      ...draft,
      standards: draft.standards.map((s, k) =>
        k === si ? { ...s, items: s.items.map((i, j) => (j === ii ? { ...i, ...patch } : i)) } : s,
      ),
    });
  const removeItem = (si: number, ii: number) =>
    setDraft({
      ...draft,
      standards: draft.standards.map((s, k) => (k === si ? { ...s, items: s.items.filter((_, j) => j !== ii) } : s)),
    });
  const addItem = (si: number) =>
    setDraft({
      ...draft,
      standards: draft.standards.map((s, k) =>
        k === si
          ? { ...s, items: [...s.items, { code: `${s.code}.x${s.items.length + 1}`, name: '', maxPoints: 1 }] }
          : s,
      ),
    });
  const setBand = (stars: number, minScore: number | null) =>
    setDraft({
      ...draft,
      bands: draft.bands.map((b) => (b.stars === stars ? { ...b, minScore: minScore ?? 0 } : b)),
    });
  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      const saved = await stationRatingsApi.saveChecklist({ ...draft, baseVersion: data.version });
      setData(() => saved);
      void message.success(t('stationRating.checklistSaved', { version: saved.version }));
    } catch (err) {
      const e = toApiError(err);
      setFailure({
        detail: errorDetail(t, err),
        fields: e.errors.map((f) => t('common.fieldMessage', { field: f.path, message: f.message })),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('nav.stationRatingChecklist')}
        extra={
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="checklist-save">
            {t('stationRating.saveChecklist')}
          </Button>
        }
      />
      <Alert type="info" showIcon title={t('stationRating.checklistNote')} style={{ marginBottom: 16 }} />
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid="form-error"
          title={failure.detail}
          description={failure.fields.join(t('common.messageSeparator'))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <span>{t('stationRating.checklistTitle')}</span>
          <Input
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            style={{ width: 320 }}
          />
          <Typography.Text type="secondary">
            {t('stationRating.checklistVersion', { version: data.version, max })}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('stationRating.bands')} style={{ marginBottom: 16 }}>
        <Space wrap>
          {[...draft.bands]
            .sort((a, b) => a.stars - b.stars)
            .map((b) => (
              <Space key={b.stars}>
                <span>{t('stationRating.bandStars', { stars: b.stars })}</span>
                <InputNumber
                  min={0}
                  precision={0}
                  value={b.minScore}
                  onChange={(v) => setBand(b.stars, v)}
                  data-testid={`band-${b.stars}`}
                />
              </Space>
            ))}
        </Space>
      </Card>
      {draft.standards.map((s, si) => (
        <Card
          key={s.code}
          size="small"
          title={s.name}
          style={{ marginBottom: 16 }}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => addItem(si)}>
              {t('stationRating.addItem')}
            </Button>
          }
        >
          <Table
            size="small"
            rowKey={(_, ii) => `${s.code}-${ii}`}
            pagination={false}
            dataSource={s.items}
            columns={[
              { key: 'code', title: t('stationRating.itemCode'), width: 200, dataIndex: 'code' },
              {
                key: 'name',
                title: t('stationRating.item'),
                render: (_, i, ii) => (
                  <Input value={i.name} onChange={(e) => setItem(si, ii, { name: e.target.value })} />
                ),
              },
              {
                key: 'max',
                title: t('stationRating.maxPoints'),
                width: 110,
                render: (_, i, ii) => (
                  <InputNumber
                    min={1}
                    max={100}
                    precision={0}
                    value={i.maxPoints}
                    onChange={(v) => setItem(si, ii, { maxPoints: v ?? 1 })}
                  />
                ),
              },
              {
                key: 'remove',
                width: 60,
                render: (_, _i, ii) => (
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('stationRating.removeItem')}
                    onClick={() => removeItem(si, ii)}
                  />
                ),
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}
