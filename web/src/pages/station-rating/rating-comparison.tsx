import { Card, Empty, Skeleton, Table } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { stationRatingsApi, type TRatingList } from '../../api/station-ratings.ts';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { defaultRatingYear, Stars } from './rating-parts.tsx';

/** Each station's points stacked by standard (有场所 … 有考核), stations with a rating only. */
export function comparisonChart(data: TRatingList): ChartOption {
  const rated = data.items.filter((i) => i.ratingId !== null);
  const standards = rated[0]?.standards ?? [];
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: rated.map((i) => i.stationName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', max: rated[0]?.maxScore ?? 100 },
    series: standards.map((s, k) => ({
      name: s.name,
      type: 'bar',
      stack: 'total',
      data: rated.map((i) => i.standards[k]?.score ?? 0),
    })),
  } as ChartOption;
}

/** The leader's card: the district's stations side by side for one year, the chart and each station's stars. */
export function RatingComparisonCard({
  year = defaultRatingYear(),
  withTable = true,
}: {
  year?: number;
  withTable?: boolean;
}) {
  const t = useT();
  const { data, error, loading, reload } = useAsync(
    (signal) => stationRatingsApi.list(year, { signal }),
    queryKeys.stationRatings.list(year),
  );
  const option = useMemo(() => (data ? comparisonChart(data) : undefined), [data]);
  const rated = data?.items.filter((i) => i.ratingId !== null) ?? [];
  return (
    <Card
      title={t('stationRating.comparison', { year })}
      size="small"
      data-testid="home-station-rating"
      extra={<Link to="/stations/rating">{t('stationRating.more')}</Link>}
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 4 }} />}
      {data && rated.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('stationRating.comparisonEmpty')} />
      )}
      {option && rated.length > 0 && (
        <>
          <EChart option={option} height={260} testId="station-rating-chart" />
          {withTable && (
            <Table
              size="small"
              rowKey="stationId"
              pagination={false}
              dataSource={rated}
              columns={[
                {
                  key: 'station',
                  title: t('stationRating.station'),
                  render: (_, r) => <Link to={`/stations/rating/${r.ratingId}`}>{r.stationName}</Link>,
                },
                {
                  key: 'score',
                  title: t('stationRating.score'),
                  align: 'right',
                  render: (_, r) => t('stationRating.scoreOf', { score: r.totalScore ?? 0, max: r.maxScore ?? 0 }),
                },
                {
                  key: 'stars',
                  title: t('stationRating.stars'),
                  render: (_, r) => <Stars stars={r.stars} testId={`comparison-stars-${r.stationId}`} />,
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
