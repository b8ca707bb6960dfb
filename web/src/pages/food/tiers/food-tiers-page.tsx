import { Button, Card, Flex, Form, Input, Select, Statistic, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TFoodTierRow } from '../../../../../src/contracts/food-tiers.ts';
import { foodTiersApi, type TTierQuery } from '../../../api/food-tiers.ts';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { useStations } from '../../entities/entity-refs.ts';
import { TierTag } from './tier-tag.tsx';

type Filters = { q?: string; stationId?: number; tier?: 'A' | 'B' | 'C' | 'D' };

/** 风险分级: the businesses in reach with their tier, score and factor points; counts per tier on top. */
export function FoodTiersPage() {
  const t = useT();
  const stations = useStations();
  const [filters, setFilters] = useState<Filters>({});
  const query: TTierQuery = { q: filters.q || undefined, stationId: filters.stationId, tier: filters.tier };
  const list = useKeysetList(
    (cursor, signal) => foodTiersApi.tiers({ ...query, cursor }, { signal }),
    (r) => r.businessId,
    ['food', 'tiers', query],
  );
  const counts = useAsync(
    (signal) => foodTiersApi.counts(filters.stationId, { signal }),
    ['food', 'tier-counts', filters.stationId],
  );
  const columns = useMemo<TableColumnsType<TFoodTierRow>>(
    () => [
      {
        title: t('foodTiers.business'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/food/businesses/${r.businessId}`}>{n}</Link>,
      },
      { title: t('foodTiers.station'), dataIndex: 'stationName' },
      { title: t('foodTiers.inspector'), dataIndex: 'inspectorName', render: (n: string | null) => n ?? '—' },
      {
        title: t('foodTiers.tier'),
        dataIndex: 'tier',
        render: (tier: TFoodTierRow['tier']) => <TierTag tier={tier} />,
      },
      { title: t('foodTiers.score'), dataIndex: 'score', render: (s: number | null) => s ?? '—' },
      {
        title: t('foodTiers.factors'),
        dataIndex: 'factors',
        render: (f: TFoodTierRow['factors']) => f.map((x) => `${x.label} ${x.points}`).join('; ') || '—',
      },
      {
        title: t('foodTiers.modelVersion'),
        dataIndex: 'modelVersion',
        render: (v: number | null) => (v ? `v${v}` : '—'),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('foodTiers.title')}
        extra={
          <Link to="/food/tiers/models">
            <Button>{t('foodTiers.models')}</Button>
          </Link>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={32} wrap data-testid="food-tier-counts">
          {(['A', 'B', 'C', 'D'] as const).map((k) => (
            <Statistic key={k} title={`${t('foodTiers.tier')} ${k}`} value={counts.data?.[k] ?? 0} />
          ))}
          <Statistic title={t('foodTiers.none')} value={counts.data?.none ?? 0} />
        </Flex>
      </Card>
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="food-tiers-search">
        <Form.Item name="q" label={t('foodTiers.business')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="stationId" label={t('foodTiers.station')}>
          <Select allowClear options={stations} placeholder={t('foodTiers.allStations')} style={{ minWidth: 160 }} />
        </Form.Item>
        <Form.Item name="tier" label={t('foodTiers.tier')}>
          <Select
            allowClear
            options={['A', 'B', 'C', 'D'].map((v) => ({ value: v, label: v }))}
            style={{ width: 90 }}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TFoodTierRow>
        id="food-tiers"
        rowKey="businessId"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="food-tiers-table"
      />
    </>
  );
}
