import type { Queryable } from '../../../db/client.ts';
import type { ScreenWindow } from '../../screen/provider.ts';

/**
 * Visits inspected this year (results entered, published or not), those with at least one problem result, and
 * the drawn visits still waiting, per station and for the district (station null).
 */
export function visitCounts(db: Queryable, w: ScreenWindow, problemCategories: readonly string[]) {
  return db.query<{ unitId: number | null; inspected: number; withProblem: number; assigned: number }>(
    `SELECT v.station_id AS "unitId",
            count(*) FILTER (WHERE v.status <> 'assigned' AND v.inspected_on BETWEEN $1 AND $2)::int AS inspected,
            count(*) FILTER (WHERE v.status <> 'assigned' AND v.inspected_on BETWEEN $1 AND $2 AND EXISTS (
              SELECT 1 FROM spot_check_results r WHERE r.visit_id = v.id AND r.category = ANY($3::text[])))::int
              AS "withProblem",
            count(*) FILTER (WHERE v.status = 'assigned')::int AS assigned
       FROM spot_check_visits v
      WHERE v.status = 'assigned' OR v.inspected_on BETWEEN $1 AND $2
      GROUP BY GROUPING SETS ((v.station_id), ())`,
    [w.yearStart, w.today, problemCategories],
  );
}
