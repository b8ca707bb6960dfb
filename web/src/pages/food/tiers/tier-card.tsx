import { Descriptions, Table } from 'antd';
import { foodTiersApi } from '../../../api/food-tiers.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { TierTag } from './tier-tag.tsx';

/** A business's risk tier on its 档案 page: the score, the points of each factor, and how the tier changed. */
export function TierCard({ businessId }: { businessId: number }) {
  const t = useT();
  const state = useAsync((signal) => foodTiersApi.detail(businessId, { signal }), ['food', 'tier', businessId]);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  const d = state.data;
  return (
    <div data-testid="food-business-tier">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('foodTiers.tier')}>
          <TierTag tier={d?.tier ?? null} />
        </Descriptions.Item>
        <Descriptions.Item label={t('foodTiers.score')}>{d?.score ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('foodTiers.modelVersion')}>{d?.modelVersion ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        loading={state.loading}
        dataSource={d?.factors ?? []}
        title={() => t('foodTiers.factors')}
        columns={[
          { title: t('foodTiers.models.indicator'), dataIndex: 'label' },
          { title: t('foodTiers.models.points'), dataIndex: 'points', align: 'right' },
        ]}
      />
      <Table
        rowKey="changedAt"
        size="small"
        style={{ marginTop: 12 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={d?.history ?? []}
        title={() => t('foodTiers.history')}
        columns={[
          { title: t('foodTiers.history'), dataIndex: 'changedAt', render: (v: string) => v.slice(0, 10) },
          {
            title: t('foodTiers.tier'),
            dataIndex: 'tier',
            render: (_, h) => (
              <>
                <TierTag tier={h.previousTier} /> → <TierTag tier={h.tier} />
              </>
            ),
          },
          { title: t('foodTiers.score'), dataIndex: 'score', align: 'right' },
          { title: t('foodTiers.modelVersion'), dataIndex: 'modelVersion', align: 'right' },
        ]}
      />
    </div>
  );
}
