import { Rate, Tag } from 'antd';
import type { TRatingStatus } from '../../api/station-ratings.ts';
import { useT } from '../../i18n/i18n-context.tsx';

const statusColors: Record<TRatingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export function RatingStatusTag({ status }: { status: TRatingStatus | null }) {
  const t = useT();
  if (!status) return <Tag>{t('stationRating.notStarted')}</Tag>;
  return <Tag color={statusColors[status]}>{t(`stationRating.status.${status}`)}</Tag>;
}

/** 1–5 stars; 0 is shown as “未达星级”, no rating yet as a dash. */
export function Stars({ stars, testId }: { stars: number | null; testId?: string }) {
  const t = useT();
  if (stars === null) return <span data-testid={testId}>—</span>;
  if (stars === 0) return <span data-testid={testId}>{t('stationRating.noStars')}</span>;
  return (
    <span data-testid={testId} data-stars={stars} title={t('stationRating.bandStars', { stars })}>
      <Rate disabled value={stars} style={{ fontSize: 14 }} />
    </span>
  );
}

/** Last year: the rating year the district reviews in the first weeks of a new year. */
export const defaultRatingYear = () => new Date().getFullYear() - 1;
