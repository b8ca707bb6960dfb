import type { Queryable } from '../../../db/client.ts';
import type { ScreenWindow } from '../../screen/provider.ts';

/**
 * Cases per station and for the district (station null): filed and closed this year, open now, penalty decisions
 * this year and their 罚款 (case_penalties kind fine of a penalty decision not annulled, as the statistics count).
 */
export function caseCounts(db: Queryable, w: ScreenWindow) {
  return db.query<{
    unitId: number | null;
    filedThisYear: number;
    closedThisYear: number;
    open: number;
    penaltiesThisYear: number;
    finesFenThisYear: number;
  }>(
    `SELECT c.station_id AS "unitId",
            count(*) FILTER (WHERE c.filed_on BETWEEN $1 AND $2)::int AS "filedThisYear",
            count(*) FILTER (WHERE c.closed_on BETWEEN $1 AND $2)::int AS "closedThisYear",
            count(*) FILTER (WHERE c.filed_on IS NOT NULL AND c.status NOT IN ('closed', 'annulled'))::int AS open,
            count(*) FILTER (WHERE c.decision_kind = 'penalty' AND c.status <> 'annulled'
                               AND c.decided_on BETWEEN $1 AND $2)::int AS "penaltiesThisYear",
            COALESCE(sum(p.fine) FILTER (WHERE c.decision_kind = 'penalty' AND c.status <> 'annulled'
                               AND c.decided_on BETWEEN $1 AND $2), 0)::bigint AS "finesFenThisYear"
       FROM cases c
       LEFT JOIN (SELECT x.case_id, sum(x.amount_fen) AS fine FROM case_penalties x WHERE x.kind = 'fine'
                   GROUP BY x.case_id) p ON p.case_id = c.id
      GROUP BY GROUPING SETS ((c.station_id), ())`,
    [w.yearStart, w.today],
  );
}
