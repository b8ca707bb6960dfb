import type { SamplingFailures } from '../food-public/services/honour.ts';

/**
 * 抽检不合格 per business of a station, for the 黑榜: batches sampled in the window whose final conclusion (the
 * 复检's when there was one) is 不合格 and whose handling has begun (retested, handled or closed), so a result
 * still open to 复检 never lists a business.
 */
export const samplingFailuresForHonour: SamplingFailures = async (db, p) => {
  const rows = await db.query<{ business_id: number; n: number }>(
    `SELECT business_id, count(*)::int AS n FROM food_samples
      WHERE station_id = $1 AND sampled_on BETWEEN $2 AND $3
        AND coalesce(retest_conclusion, conclusion) = 'fail' AND status IN ('retested', 'handled', 'closed')
      GROUP BY business_id`,
    [p.stationId, p.from, p.to],
  );
  return new Map(rows.map((r) => [Number(r.business_id), r.n]));
};
