import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';

/** Recomputes the monthly rollup from `fromMonth` on, in the caller's transaction. */
export async function rebuildMonthlyStats(tx: Queryable, fromMonth: string): Promise<number> {
  await tx.query('DELETE FROM complaint_monthly_stats WHERE month >= $1', [fromMonth]);
  const rows = await tx.query(
    `INSERT INTO complaint_monthly_stats (month, station_id, kind, category_code, received, closed, recovered_fen)
     SELECT date_trunc('month', received_on)::date, station_id, kind, COALESCE(category_code, ''),
            count(*), count(*) FILTER (WHERE status = 'closed'), COALESCE(sum(recovered_fen), 0)
       FROM complaints WHERE received_on >= $1
      GROUP BY 1, 2, 3, 4 RETURNING 1`,
    [fromMonth],
  );
  return rows.length;
}

export type Dimension = 'kind' | 'category' | 'station' | 'month';
const dimensionSql: Record<Dimension, string> = {
  kind: 's.kind',
  category: 's.category_code',
  station: 's.station_id::text',
  month: `to_char(s.month, 'MM')`,
};

export interface StatRow {
  key: string;
  received: number;
  closed: number;
  recoveredFen: number;
}

/** Sums over [fromMonth, toMonth] grouped by a dimension, within a unit path (null = all). */
export async function statsBy(
  db: Queryable,
  by: Dimension,
  fromMonth: string,
  toMonth: string,
  unitPath: string | null,
): Promise<StatRow[]> {
  const w = new Where().add('s.month >= ?', fromMonth).add('s.month <= ?', toMonth);
  if (unitPath) w.add('s.station_id IN (SELECT id FROM org_units WHERE path LIKE ?)', `${unitPath}%`);
  return db.query<StatRow>(
    `SELECT ${dimensionSql[by]} AS key, sum(s.received)::int AS received, sum(s.closed)::int AS closed,
            sum(s.recovered_fen)::bigint AS "recoveredFen"
       FROM complaint_monthly_stats s ${w} GROUP BY 1 ORDER BY 2 DESC`,
    w.params,
  );
}

export async function descriptionsSample(
  db: Queryable,
  from: string,
  to: string,
  unitIds: readonly number[] | null,
  limit: number,
): Promise<string[]> {
  const w = new Where().add('c.received_on >= ?', from).add('c.received_on <= ?', to);
  // Unit ids, not a path subquery: the planner then reads one station's latest items by index.
  if (unitIds) w.add('c.station_id = ANY(?::bigint[])', unitIds);
  const lim = w.param(limit);
  const rows = await db.query<{ d: string }>(
    `SELECT c.description AS d FROM complaints c ${w} ORDER BY c.received_on DESC, c.id DESC LIMIT ${lim}`,
    w.params,
  );
  return rows.map((r) => r.d);
}

/** Counts per 7-day window ending at `lastDay`, newest first, per category or per business. */
export async function weeklyCounts(db: Queryable, scope: 'category' | 'entity', lastDay: string, weeks: number) {
  const key = scope === 'category' ? 'c.category_code' : 'c.entity_id::text';
  return db.query<{ key: string; name: string; week: number; n: number }>(
    `SELECT ${key} AS key,
            ${scope === 'category' ? 'max(cat.name)' : 'max(c.business_name)'} AS name,
            (($1::date - c.received_on) / 7)::int AS week, count(*)::int AS n
       FROM complaints c LEFT JOIN complaint_categories cat ON cat.code = c.category_code
      WHERE c.received_on > $1::date - $2::int * 7 AND c.received_on <= $1::date AND ${key} IS NOT NULL
      GROUP BY 1, 3`,
    [lastDay, weeks],
  );
}

export async function insertAlert(
  tx: Queryable,
  a: {
    scope: string;
    scopeKey: string;
    scopeName: string;
    windowStart: string;
    windowEnd: string;
    observed: number;
    expected: number;
    title: string;
    draftText: string;
    /** The business's station for an alert about one business; null for a district-wide one. */
    stationId: number | null;
  },
): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO complaint_alerts (scope, scope_key, scope_name, window_start, window_end, observed, expected, title,
       draft_text, station_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (scope, scope_key, window_end) DO NOTHING RETURNING 1`,
    [
      a.scope,
      a.scopeKey,
      a.scopeName,
      a.windowStart,
      a.windowEnd,
      a.observed,
      a.expected,
      a.title,
      a.draftText,
      a.stationId,
    ],
  );
  return rows.length === 1;
}

/** The latest alerts; with `stationIds`, only those about businesses of these stations (null: all). */
export async function listAlerts(db: Queryable, limit: number, stationIds: readonly number[] | null) {
  return db.query<{
    id: number;
    scope: string;
    scopeName: string;
    windowStart: string;
    windowEnd: string;
    observed: number;
    expected: number;
    title: string;
    draftText: string;
    status: string;
    createdAt: string;
  }>(
    `SELECT id, scope, scope_name AS "scopeName", window_start AS "windowStart", window_end AS "windowEnd", observed,
            expected::float8 AS expected, title, draft_text AS "draftText", status, created_at AS "createdAt"
       FROM complaint_alerts ${stationIds ? 'WHERE station_id = ANY($2::bigint[])' : ''} ORDER BY id DESC LIMIT $1`,
    stationIds ? [limit, stationIds] : [limit],
  );
}

/** Items since `since` and, for each, earlier items about the same business within `days`. */
export async function duplicateCandidates(db: Queryable, since: string, days: number) {
  return db.query<{ aId: number; bId: number; aText: string; bText: string }>(
    `SELECT a.id AS "aId", b.id AS "bId", a.description AS "aText", b.description AS "bText"
       FROM complaints a JOIN complaints b
         ON b.id < a.id AND b.received_on >= a.received_on - $2::int AND b.received_on <= a.received_on
        AND ((a.entity_id IS NOT NULL AND b.entity_id = a.entity_id)
             OR (a.entity_id IS NULL AND a.business_name IS NOT NULL AND b.business_name = a.business_name))
      WHERE a.received_on >= $1 AND a.kind = b.kind`,
    [since, days],
  );
}

export async function insertLink(
  tx: Queryable,
  a: number,
  b: number,
  similarity: number,
  reason: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_links (a_id, b_id, similarity, reason) VALUES (LEAST($1::bigint, $2::bigint), GREATEST($1::bigint, $2::bigint), $3, $4)
     ON CONFLICT DO NOTHING`,
    [a, b, similarity, reason],
  );
}

export async function linksOf(db: Queryable, id: number) {
  return db.query<{ id: number; trackingCode: string; similarity: number; reason: string }>(
    `SELECT c.id, c.tracking_code AS "trackingCode", l.similarity::float8 AS similarity, l.reason
       FROM complaint_links l JOIN complaints c ON c.id = CASE WHEN l.a_id = $1 THEN l.b_id ELSE l.a_id END
      WHERE l.a_id = $1 OR l.b_id = $1 ORDER BY l.similarity DESC`,
    [id],
  );
}
