import { App, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { foodTiersApi } from '../../../api/food-tiers.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { type ModelValues, TierModelFormModal } from './tier-model-form-modal.tsx';

type Indicator = Record<string, unknown> & { code: string; label: string; kind: string; fact: string };

const pointsOf = (ind: Indicator): string => {
  if (ind.kind === 'flag') return String(ind.points);
  if (ind.kind === 'count') return `${ind.pointsEach} × n ≤ ${ind.cap}`;
  if (ind.kind === 'atLeast')
    return (ind.steps as { min: number; points: number }[]).map((s) => `≥${s.min}: ${s.points}`).join(', ');
  return Object.entries(ind.table as Record<string, number>)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
};

/**
 * 分级模型: every version with its indicators, thresholds, visit frequencies, Art. 22/42 values; holders of
 * food:settings copy the active version into a new one and activate a version (which re-tiers every business).
 */
export function FoodTierModelsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const canEdit = useAuth().can('food:settings');
  const { data, error, reload } = useAsync((signal) => foodTiersApi.models({ signal }), ['food', 'tier-models']);
  const [editing, setEditing] = useState(false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const facts = new Map((data?.facts ?? []).map((f) => [f.fact, f.label]));
  const active = data?.models.find((m) => m.active);
  const activate = (version: number) =>
    modal.confirm({
      title: t('foodTiers.models.activateConfirm', { version }),
      content: t('foodTiers.models.activateHint'),
      okButtonProps: { 'data-testid': 'tier-model-activate-ok' },
      onOk: async () => {
        try {
          const r = await foodTiersApi.activateModel(version);
          modal.success({
            title: t('foodTiers.models.activated', { version, computed: r.computed, tierChanged: r.tierChanged }),
          });
          reload();
        } catch (err) {
          message.error(errorDetail(t, err));
        }
      },
    });
  return (
    <>
      <PageHeader
        title={t('foodTiers.models.title')}
        extra={
          canEdit && active ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="tier-model-new">
              {t('foodTiers.models.new')}
            </Button>
          ) : undefined
        }
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        {(data?.models ?? []).map((m) => (
          <Card
            key={m.version}
            size="small"
            title={
              <Space>
                {`v${m.version} ${m.name}`}
                {m.active && <Tag color="green">{t('foodTiers.models.active')}</Tag>}
              </Space>
            }
            extra={
              canEdit && !m.active ? (
                <Button
                  size="small"
                  onClick={() => activate(m.version)}
                  data-testid={`tier-model-activate-${m.version}`}
                >
                  {t('foodTiers.models.activate')}
                </Button>
              ) : undefined
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('foodTiers.models.thresholds')}>
                {`${m.thresholds.B} / ${m.thresholds.C} / ${m.thresholds.D}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('foodTiers.models.visits')}>
                {(['A', 'B', 'C', 'D'] as const)
                  .map((k) => `${k} ${m.visitsPerYear[k].min}–${m.visitsPerYear[k].max}`)
                  .join(', ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('foodTiers.models.fullScope')}>{m.fullScopeYears}</Descriptions.Item>
              <Descriptions.Item label={t('foodTiers.models.quiet')}>{m.higherLevelQuietMonths}</Descriptions.Item>
            </Descriptions>
            <Table<Indicator>
              size="small"
              rowKey="code"
              pagination={false}
              dataSource={m.indicators as Indicator[]}
              columns={[
                { title: t('foodTiers.models.indicator'), dataIndex: 'label' },
                { title: t('foodTiers.models.fact'), dataIndex: 'fact', render: (f: string) => facts.get(f) ?? f },
                { title: t('foodTiers.models.points'), key: 'points', render: (_, ind) => pointsOf(ind) },
              ]}
            />
          </Card>
        ))}
      </Space>
      {editing && active && (
        <TierModelFormModal
          from={
            {
              name: active.name,
              note: active.note ?? undefined,
              indicators: active.indicators as Indicator[],
              thresholds: active.thresholds,
              visitsPerYear: active.visitsPerYear,
              fullScopeYears: active.fullScopeYears,
              higherLevelQuietMonths: active.higherLevelQuietMonths,
            } satisfies ModelValues
          }
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}
