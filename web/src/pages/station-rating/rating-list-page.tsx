import { Button, Card, message, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { stationRatingsApi, type TRatingRow } from '../../api/station-ratings.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { RatingComparisonCard } from './rating-comparison.tsx';
import { defaultRatingYear, RatingStatusTag, Stars } from './rating-parts.tsx';

/** Stations × one year: status, score and stars; a chief starts their station's rating here. */
export function StationRatingListPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || defaultRatingYear();
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const [starting, setStarting] = useState<number>();
  const { data, error, loading, reload } = useAsync(
    (signal) => stationRatingsApi.list(year, { signal }),
    queryKeys.stationRatings.list(year),
  );
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i);
  const start = async (row: TRatingRow) => {
    setStarting(row.stationId);
    try {
      const created = await stationRatingsApi.create(row.stationId, year);
      navigate(`/stations/rating/${created.id}`);
    } catch (err) {
      void message.error(errorDetail(t, err));
    } finally {
      setStarting(undefined);
    }
  };
  return (
    <>
      <PageHeader
        title={t('stationRating.title')}
        extra={
          <Space>
            <Select
              data-testid="rating-year"
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: t('stationRating.yearValue', { year: y }) }))}
              style={{ width: 140 }}
            />
            {me.permissions.includes('rating:settings') && (
              <Link to="/stations/rating/checklist">
                <Button>{t('stationRating.checklist')}</Button>
              </Link>
            )}
          </Space>
        }
      />
      {error && <LoadError error={error} onRetry={reload} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="stationId"
          loading={loading}
          pagination={false}
          dataSource={data?.items ?? []}
          data-testid="rating-table"
          columns={[
            { key: 'station', title: t('stationRating.station'), dataIndex: 'stationName' },
            {
              key: 'status',
              title: t('stationRating.status'),
              render: (_, r) => <RatingStatusTag status={r.status} />,
            },
            {
              key: 'score',
              title: t('stationRating.score'),
              align: 'right',
              render: (_, r) =>
                r.ratingId === null
                  ? '—'
                  : t('stationRating.scoreOf', { score: r.totalScore ?? 0, max: r.maxScore ?? 0 }),
            },
            {
              key: 'stars',
              title: t('stationRating.stars'),
              render: (_, r) => <Stars stars={r.stars} testId={`rating-stars-${r.stationId}`} />,
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, r) =>
                r.ratingId !== null ? (
                  <Link to={`/stations/rating/${r.ratingId}`} data-testid={`rating-open-${r.stationId}`}>
                    {t('stationRating.open')}
                  </Link>
                ) : data?.canCreate ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={starting === r.stationId}
                    data-testid={`rating-start-${r.stationId}`}
                    onClick={() => void start(r)}
                  >
                    {t('stationRating.start')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {me.dataScope === 'all' && <RatingComparisonCard year={year} withTable={false} />}
    </>
  );
}
