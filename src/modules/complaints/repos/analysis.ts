import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { aggregateReach, readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { complaintAlertKind, complaintKind } from '../access.ts';

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
const rollupKey: Record<Dimension, string> = {
  kind: 's.kind',
  category: 's.category_code',
  station: 's.station_id::text',
  month: `to_char(s.month, 'MM')`,
};
const itemKey: Record<Dimension, string> = {
  kind: 'c.kind',
  category: `COALESCE(c.category_code, '')`,
  station: 'c.station_id::text',
  month: `to_char(c.received_on, 'MM')`,
};

export interface StatRow {
  key: string;
  received: number;
  closed: number;
  recoveredFen: number;
}

/**
 * Sums over [fromMonth, toMonth] grouped by a dimension, within the caller's reach: from the monthly rollup for
 * whole units; under `self` from the items themselves, since a per-unit rollup cannot tell whose rows it counts.
 */
export async function statsBy(
  db: Queryable,
  actor: Actor,
  by: Dimension,
  fromMonth: string,
  toMonth: string,
): Promise<StatRow[]> {
  const reach = aggregateReach(actor);
  if ('userId' in reach) {
    const w = readableWhere(actor, complaintKind, new Where())
      .add('c.received_on >= ?::date', fromMonth)
      .add(`c.received_on < ?::date + interval '1 month'`, toMonth);
    return db.query<StatRow>(
      `SELECT ${itemKey[by]} AS key, count(*)::int AS received, (count(*) FILTER (WHERE c.status = 'closed'))::int AS closed,
              COALESCE(sum(c.recovered_fen), 0)::bigint AS "recoveredFen"
         FROM complaints c ${w} GROUP BY 1 ORDER BY 2 DESC`,
      w.params,
    );
  }
  const w = new Where().add('s.month >= ?', fromMonth).add('s.month <= ?', toMonth);
  // Unit ids, as the items' own predicate uses (the caller's units resolved at login).
  if ('unitIds' in reach) w.add('s.station_id = ANY(?::bigint[])', reach.unitIds);
  return db.query<StatRow>(
    `SELECT ${rollupKey[by]} AS key, sum(s.received)::int AS received, sum(s.closed)::int AS closed,
            sum(s.recovered_fen)::bigint AS "recoveredFen"
       FROM complaint_monthly_stats s ${w} GROUP BY 1 ORDER BY 2 DESC`,
    w.params,
  );
}

/** The latest descriptions of [from, to] among the items the caller may read. */
export async function descriptionsSample(
  db: Queryable,
  actor: Actor,
  from: string,
  to: string,
  limit: number,
): Promise<string[]> {
  // Unit ids, not a path subquery: the planner then reads one station's latest items by index.
  const w = readableWhere(actor, complaintKind, new Where())
    .add('c.received_on >= ?', from)
    .add('c.received_on <= ?', to);
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

/** The latest alerts the caller may read (a district-wide one, without a station, only district-wide roles). */
export async function listAlerts(db: Queryable, actor: Actor, limit: number) {
  const w = readableWhere(actor, complaintAlertKind, new Where());
  const lim = w.param(limit);
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
    `SELECT a.id, a.scope, a.scope_name AS "scopeName", a.window_start AS "windowStart", a.window_end AS "windowEnd",
            a.observed, a.expected::float8 AS expected, a.title, a.draft_text AS "draftText", a.status,
            a.created_at AS "createdAt"
       FROM complaint_alerts a ${w} ORDER BY a.id DESC LIMIT ${lim}`,
    w.params,
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

/** Items linked to `id` that the caller may read (a link must not reveal another station's item). */
export async function linksOf(db: Queryable, actor: Actor, id: number) {
  const w = new Where().add('(l.a_id = ? OR l.b_id = ?)', id, id);
  readableWhere(actor, complaintKind, w);
  return db.query<{ id: number; trackingCode: string; similarity: number; reason: string }>(
    `SELECT c.id, c.tracking_code AS "trackingCode", l.similarity::float8 AS similarity, l.reason
       FROM complaint_links l JOIN complaints c ON c.id = CASE WHEN l.a_id = $1 THEN l.b_id ELSE l.a_id END
       ${w} ORDER BY l.similarity DESC`,
    w.params,
  );
}
