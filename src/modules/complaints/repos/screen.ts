import type { Queryable } from '../../../db/client.ts';
import type { ScreenWindow } from '../../screen/provider.ts';

/**
 * 12315 figures per station and for the district (station null): received today, this month, the same month last
 * year to the same day, this year, and the losses recovered this year. One range scan from last year's month on.
 */
export function complaintTotals(db: Queryable, w: ScreenWindow) {
  return db.query<{
    unitId: number | null;
    today: number;
    thisMonth: number;
    sameMonthLastYear: number;
    thisYear: number;
    recoveredFenThisYear: number;
  }>(
    `SELECT station_id AS "unitId",
            count(*) FILTER (WHERE received_on = $1)::int AS today,
            count(*) FILTER (WHERE received_on >= $2)::int AS "thisMonth",
            count(*) FILTER (WHERE received_on BETWEEN $4 AND $5)::int AS "sameMonthLastYear",
            count(*) FILTER (WHERE received_on >= $3)::int AS "thisYear",
            COALESCE(sum(recovered_fen) FILTER (WHERE received_on >= $3), 0)::bigint AS "recoveredFenThisYear"
       FROM complaints WHERE received_on BETWEEN $4 AND $1
      GROUP BY GROUPING SETS ((station_id), ())`,
    [w.today, w.monthStart, w.yearStart, w.lastYearMonthStart, w.lastYearToday],
  );
}

/** Items received per station and day over the last 30 days, and the district's. */
export function complaintDaily(db: Queryable, w: ScreenWindow) {
  return db.query<{ unitId: number | null; day: string; n: number }>(
    `SELECT station_id AS "unitId", received_on AS day, count(*)::int AS n
       FROM complaints WHERE received_on BETWEEN $1 AND $2
      GROUP BY GROUPING SETS ((station_id, received_on), (received_on))`,
    [w.days30Start, w.today],
  );
}

/** Items with an open clock past its due date (the queue's 逾期 filter), per station and for the district. */
export function complaintOverdue(db: Queryable, w: ScreenWindow) {
  return db.query<{ unitId: number | null; n: number }>(
    `SELECT c.station_id AS "unitId", count(*)::int AS n
       FROM complaints c
      WHERE c.id IN (SELECT d.complaint_id FROM complaint_deadlines d WHERE d.met_at IS NULL AND d.due_on < $1)
      GROUP BY GROUPING SETS ((c.station_id), ())`,
    [w.today],
  );
}

/** Items per category over the last 30 days, per station and for the district, most frequent first. */
export function complaintCategories(db: Queryable, w: ScreenWindow) {
  return db.query<{ unitId: number | null; code: string; name: string; n: number }>(
    `SELECT x."unitId", x.code, k.name, x.n FROM (
       SELECT station_id AS "unitId", category_code AS code, count(*)::int AS n
         FROM complaints WHERE received_on BETWEEN $1 AND $2 AND category_code IS NOT NULL
        GROUP BY GROUPING SETS ((station_id, category_code), (category_code))) x
       JOIN complaint_categories k ON k.code = x.code
      ORDER BY x.n DESC, x.code`,
    [w.days30Start, w.today],
  );
}
