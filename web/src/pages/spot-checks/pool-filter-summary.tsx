import { Popover, Space, Tag, Typography } from 'antd';
import type { TPoolFilter } from '../../../../src/contracts/spot-checks.ts';
import { industryByCode } from '../../../../src/domain/industry-codes.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { entityStatusLabel, entityTypeLabel } from '../entities/entity-refs.ts';

/** A pool's filter as readable tags (types, stations, industry, region, statuses); the raw JSON on demand. */
export function PoolFilterSummary({
  filter,
  stations,
}: {
  filter: TPoolFilter;
  stations: { id: number; name: string }[];
}) {
  const { t, lang } = useI18n();
  const stationName = (id: number) => stations.find((s) => s.id === id)?.name ?? `#${id}`;
  const industry = filter.industryPrefix && industryByCode(filter.industryPrefix);
  const onlyActive = filter.statuses.length === 1 && filter.statuses[0] === 'active';
  const empty = !filter.types?.length && !filter.stationIds?.length && !filter.industryPrefix && !filter.regionPrefix;
  return (
    <Space size={[4, 4]} wrap>
      {empty && onlyActive && <Tag>{t('spot.pool.summaryAll')}</Tag>}
      {filter.types?.map((type) => (
        <Tag key={type} color="blue">
          {entityTypeLabel(t, type)}
        </Tag>
      ))}
      {filter.stationIds?.map((id) => (
        <Tag key={id} color="cyan">
          {stationName(id)}
        </Tag>
      ))}
      {filter.industryPrefix && (
        <Tag color="geekblue">
          {t('spot.pool.industryPrefix')}: {filter.industryPrefix}
          {/* GB/T 4754 names exist in Chinese only */}
          {industry && lang === 'zh-CN' ? ` ${industry.name}` : ''}
        </Tag>
      )}
      {filter.regionPrefix && (
        <Tag color="purple">
          {t('spot.pool.regionPrefix')}: {filter.regionPrefix}
        </Tag>
      )}
      {!(empty && onlyActive) &&
        filter.statuses.map((s) => (
          <Tag key={s} color={s === 'active' ? 'green' : 'orange'}>
            {entityStatusLabel(t, s)}
          </Tag>
        ))}
      <Popover
        title={t('spot.pool.advanced')}
        content={<pre style={{ margin: 0, maxWidth: 360, overflow: 'auto' }}>{JSON.stringify(filter, null, 2)}</pre>}
      >
        <Typography.Link>{t('spot.pool.showJson')}</Typography.Link>
      </Popover>
    </Space>
  );
}
