import type { Queryable } from '../../../db/client.ts';
import { readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { caseKind } from '../access.ts';

/**
 * 执法办案统计. Every figure is counted in the month of its own event: 立案 (filed_on), 结案 (closed_on), 决定
 * (decided_on, annulled decisions excluded). The rollup case_monthly_stats holds finished months per (station,
 * department, violation area); the current month is computed live from the cases, so today's work shows at once.
 */

export const statFields = [
  'opened',
  'openedGeneral',
  'openedSummary',
  'openedMajor',
  'closed',
  'closedMajor',
  'decidedPenalty',
  'finesFen',
  'confiscatedFen',
  'majorPenaltyFen',
  'caseValueFen',
  'goodsValueFen',
  'transferred',
  'typical',
] as const;
export type StatField = (typeof statFields)[number];
export type Figures = Record<StatField, number>;

const columns: Record<StatField, string> = {
  opened: 'opened',
  openedGeneral: 'opened_general',
  openedSummary: 'opened_summary',
  openedMajor: 'opened_major',
  closed: 'closed',
  closedMajor: 'closed_major',
  decidedPenalty: 'decided_penalty',
  finesFen: 'fines_fen',
  confiscatedFen: 'confiscated_fen',
  majorPenaltyFen: 'major_penalty_fen',
  caseValueFen: 'case_value_fen',
  goodsValueFen: 'goods_value_fen',
  transferred: 'transferred',
  typical: 'typical',
};
const figureColumns = statFields.map((f) => columns[f]).join(', ');
const eventColumns = `month, station_id, key, ${figureColumns}`;

/** What a rollup row is keyed by beside month and station: the handling department, or the violation area. */
export type RollupDim = 'department' | 'area';
const dimKey: Record<RollupDim | 'none', string> = {
  department: 'COALESCE(c.department_id, 0)::text',
  // The area of a case's first violation type (dictionary order), '' when none is recorded.
  area: `COALESCE((SELECT t.area FROM case_violations v JOIN case_violation_types t ON t.id = v.violation_type_id
   WHERE v.case_id = c.id ORDER BY t.sort_order, t.id LIMIT 1), '')`,
  none: `''`,
};

/**
 * One row per case event in `eventColumns` order (not yet summed). `range(col)` is the SQL predicate on the event's
 * date column; `reach` an extra predicate on c (the caller's reach under `self`). 罚没款 of a penalty decision: its
 * 罚款 (case_penalties kind fine) plus its 没收 — the larger of cases.confiscated_fen and the amounts of its
 * confiscate_gains / confiscate_property penalties, so a case recording both is not counted twice.
 */
function eventRows(range: (col: string) => string, reach: string, dim: RollupDim | 'none'): string {
  const head = (col: string) => `date_trunc('month', ${col})::date AS month, c.station_id, ${dimKey[dim]} AS key`;
  return `
    SELECT ${head('c.filed_on')}, 1, (c.procedure = 'general')::int, (c.procedure = 'summary')::int, c.is_major::int,
           0, 0, 0, 0::bigint, 0::bigint, 0::bigint, c.case_value_fen, c.goods_value_fen, 0, 0
      FROM cases c WHERE ${range('c.filed_on')} AND ${reach}
    UNION ALL
    SELECT ${head('c.closed_on')}, 0, 0, 0, 0, 1, c.is_major::int, 0, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0, 0
      FROM cases c WHERE ${range('c.closed_on')} AND ${reach}
    UNION ALL
    SELECT ${head('c.decided_on')}, 0, 0, 0, 0, 0, 0, (c.decision_kind = 'penalty')::int,
           CASE WHEN c.decision_kind = 'penalty' THEN p.fine ELSE 0 END,
           CASE WHEN c.decision_kind = 'penalty' THEN GREATEST(c.confiscated_fen, p.conf) ELSE 0 END,
           CASE WHEN c.decision_kind = 'penalty' AND c.is_major THEN p.fine + GREATEST(c.confiscated_fen, p.conf) ELSE 0 END,
           0::bigint, 0::bigint,
           (c.transferred_to_judiciary OR c.decision_kind = 'transfer')::int, c.typical::int
      FROM cases c
      CROSS JOIN LATERAL (
        SELECT COALESCE(sum(x.amount_fen) FILTER (WHERE x.kind = 'fine'), 0)::bigint AS fine,
               COALESCE(sum(x.amount_fen) FILTER (WHERE x.kind IN ('confiscate_gains', 'confiscate_property')), 0)::bigint AS conf
          FROM case_penalties x WHERE x.case_id = c.id) p
     WHERE ${range('c.decided_on')} AND c.status <> 'annulled' AND ${reach}`;
}

const sums = statFields.map((f) => `sum(s.${columns[f]})::float8 AS "${f}"`).join(', ');
const rawSums = statFields.map((f) => `sum(s.${columns[f]})`).join(', ');

/** Recomputes the rollup for the given months (first days, YYYY-MM-01), or all of it; in the caller's transaction. */
export async function rebuildMonthlyStats(tx: Queryable, months: readonly string[] | 'all'): Promise<number> {
  if (months === 'all') {
    await tx.query('DELETE FROM case_monthly_stats');
  } else {
    if (months.length === 0) return 0;
    await tx.query('DELETE FROM case_monthly_stats WHERE month = ANY($1::date[])', [months]);
  }
  const range =
    months === 'all'
      ? (col: string) => `${col} IS NOT NULL`
      : (col: string) => `date_trunc('month', ${col})::date = ANY($1::date[])`;
  const rows = await tx.query(
    `INSERT INTO case_monthly_stats (month, station_id, dim, key, ${figureColumns})
     SELECT s.month, s.station_id, 'department', s.key, ${rawSums}
       FROM (${eventRows(range, 'true', 'department')}) AS s (${eventColumns}) GROUP BY 1, 2, 4
     UNION ALL
     SELECT s.month, s.station_id, 'area', s.key, ${rawSums}
       FROM (${eventRows(range, 'true', 'area')}) AS s (${eventColumns}) GROUP BY 1, 2, 4
     RETURNING 1`,
    months === 'all' ? [] : [months],
  );
  return rows.length;
}

/** First days of the months in which cases changed since `since` had an event (for the incremental job). */
export async function touchedMonths(db: Queryable, since: Date): Promise<string[]> {
  const rows = await db.query<{ m: string }>(
    `SELECT DISTINCT to_char(date_trunc('month', d), 'YYYY-MM-DD') AS m
       FROM cases c, LATERAL (VALUES (c.filed_on), (c.closed_on), (c.decided_on)) AS e (d)
      WHERE c.updated_at >= $1 AND d IS NOT NULL`,
    [since.toISOString()],
  );
  return rows.map((r) => r.m);
}

export type StatsDimension = 'station' | 'department' | 'violationArea' | 'month';
const dimOf = (by: StatsDimension): RollupDim => (by === 'violationArea' ? 'area' : 'department');
const keyOf: Record<StatsDimension, string> = {
  station: 's.station_id::text',
  department: 's.key',
  violationArea: 's.key',
  month: `''`,
};

/** Figures of one month (YYYY-MM) and key. */
export type StatRow = Figures & { month: string; key: string };

/**
 * Sums per (month, key) over [from, to) (first days of months) within the caller's reach: finished months from the
 * rollup and the months from `liveFrom` on from the cases, for whole units; under `self` all from the cases the
 * caller may read (a per-unit rollup cannot tell whose cases it counts).
 */
export async function statsBy(
  db: Queryable,
  actor: Actor,
  by: StatsDimension,
  from: string,
  to: string,
  liveFrom: string,
): Promise<StatRow[]> {
  const dim = by === 'department' || by === 'violationArea' ? dimOf(by) : 'none';
  const group = `SELECT to_char(s.month, 'YYYY-MM') AS month, ${keyOf[by]} AS key, ${sums}`;
  if (actor.dataScope === 'self') {
    const w = readable(actor, caseKind);
    const reach = w.toString().replace(/^WHERE /, '') || 'true';
    const f = w.param(from);
    const t = w.param(to);
    return db.query<StatRow>(
      `${group} FROM (${eventRows((col) => `${col} >= ${f}::date AND ${col} < ${t}::date`, reach, dim)})
         AS s (${eventColumns}) GROUP BY 1, 2`,
      w.params,
    );
  }
  const params: unknown[] = [from, to, liveFrom, dimOf(by)];
  let unit = '';
  let liveReach = 'true';
  if (actor.dataScope === 'unit_and_below') {
    params.push(actor.scopeUnitIds);
    unit = 'AND station_id = ANY($5::bigint[])';
    liveReach = 'c.station_id = ANY($5::bigint[])';
  }
  const live =
    liveFrom < to
      ? `UNION ALL ${eventRows((col) => `${col} >= GREATEST($1::date, $3::date) AND ${col} < $2::date`, liveReach, dim)}`
      : '';
  return db.query<StatRow>(
    `${group} FROM (
       SELECT ${eventColumns} FROM case_monthly_stats
        WHERE dim = $4 AND month >= $1::date AND month < LEAST($2::date, $3::date) ${unit}
       ${live}) AS s (${eventColumns})
      GROUP BY 1, 2`,
    params,
  );
}

/** Names of the units the figures name (stations and departments). */
export async function unitLabels(db: Queryable): Promise<{ id: number; name: string; sortOrder: number }[]> {
  return db.query(`SELECT id, name, sort_order AS "sortOrder" FROM org_units`);
}
