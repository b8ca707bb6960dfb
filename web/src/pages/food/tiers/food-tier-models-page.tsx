import { Card, Descriptions, Space, Table, Tag } from 'antd';
import { foodTiersApi } from '../../../api/food-tiers.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';

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

/** 分级模型: every version with its indicators, thresholds, visit frequencies, Art. 22/42 values. */
export function FoodTierModelsPage() {
  const t = useT();
  const { data, error, reload } = useAsync((signal) => foodTiersApi.models({ signal }), ['food', 'tier-models']);
  if (error) return <LoadError error={error} onRetry={reload} />;
  const facts = new Map((data?.facts ?? []).map((f) => [f.fact, f.label]));
  return (
    <>
      <PageHeader title={t('foodTiers.models.title')} />
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
    </>
  );
}
