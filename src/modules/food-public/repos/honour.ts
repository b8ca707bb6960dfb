import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { HonourFacts, HonourRules, HonourStatus } from '../../../domain/food-honour.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { honourListKind } from '../access.ts';

const listColumns = `hl.id, hl.station_id AS "stationId", o.name AS "stationName", to_char(hl.month, 'YYYY-MM') AS month,
  hl.status, hl.rules, hl.drafted_by AS "draftedBy", hl.drafted_at AS "draftedAt", hl.approved_at AS "approvedAt",
  hl.published_at AS "publishedAt", hl.withdrawn_reason AS "withdrawnReason", hl.version,
  (SELECT count(*)::int FROM food_honour_entries x WHERE x.list_id = hl.id AND x.board = 'red' AND x.removed_reason IS NULL) AS "redCount",
  (SELECT count(*)::int FROM food_honour_entries x WHERE x.list_id = hl.id AND x.board = 'black' AND x.removed_reason IS NULL) AS "blackCount"`;

export interface HonourListRow {
  id: number;
  stationId: number;
  stationName: string;
  month: string;
  status: HonourStatus;
  rules: Record<string, unknown>;
  draftedBy: number | null;
  draftedAt: string;
  approvedAt: string | null;
  publishedAt: string | null;
  withdrawnReason: string | null;
  version: number;
  redCount: number;
  blackCount: number;
}

export interface HonourEntryRow {
  id: number;
  listId: number;
  businessId: number;
  board: 'red' | 'black';
  segment: 'business' | 'workshop';
  businessName: string;
  licenceNo: string | null;
  address: string | null;
  grade: string | null;
  reasons: string[];
  removedReason: string | null;
}

const ts = (v: unknown) => (v instanceof Date ? v.toISOString() : v === null ? null : String(v));
const asList = (r: HonourListRow): HonourListRow => ({
  ...r,
  draftedAt: ts(r.draftedAt)!,
  approvedAt: ts(r.approvedAt),
  publishedAt: ts(r.publishedAt),
});

export async function listLists(db: Queryable, w: Where, beforeId: number | undefined, limit: number) {
  if (beforeId !== undefined) w.add('hl.id < ?', beforeId);
  const rows = await db.query<HonourListRow>(
    `SELECT ${listColumns} FROM food_honour_lists hl JOIN org_units o ON o.id = hl.station_id ${w}
      ORDER BY hl.id DESC LIMIT ${w.param(limit)}`,
    w.params,
  );
  return rows.map(asList);
}

export async function listById(db: Queryable, id: number, lock = false): Promise<HonourListRow | undefined> {
  const [row] = await db.query<HonourListRow>(
    `SELECT ${listColumns} FROM food_honour_lists hl JOIN org_units o ON o.id = hl.station_id WHERE hl.id = $1
     ${lock ? 'FOR UPDATE OF hl' : ''}`,
    [id],
  );
  return row && asList(row);
}

export async function entriesOf(db: Queryable, listIds: readonly number[]): Promise<HonourEntryRow[]> {
  if (!listIds.length) return [];
  return db.query<HonourEntryRow>(
    `SELECT id, list_id AS "listId", business_id AS "businessId", board, segment, business_name AS "businessName",
            licence_no AS "licenceNo", address, grade, reasons, removed_reason AS "removedReason"
       FROM food_honour_entries WHERE list_id = ANY($1::bigint[]) ORDER BY list_id, board DESC, segment, id`,
    [listIds],
  );
}

export async function stationName(db: Queryable, stationId: number): Promise<string | undefined> {
  const [row] = await db.query<{ name: string }>("SELECT name FROM org_units WHERE id = $1 AND kind = 'station'", [
    stationId,
  ]);
  return row?.name;
}

export async function liveListOf(db: Queryable, stationId: number, month: string): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(
    "SELECT id FROM food_honour_lists WHERE station_id = $1 AND month = $2::date AND status <> 'withdrawn'",
    [stationId, `${month}-01`],
  );
  return row?.id;
}

/**
 * The facts the rules read, for every business of the station with a dynamic grade in force at the month's end or
 * a 不符合 inspection in the window: the latest dynamic grade graded by `to` (withdrawn ones set aside), the 不符合
 * count and the serious ones among them, the done inspections and how many were not 符合. Sampling failures come
 * from the sampling hook, not from here.
 */
export async function honourFacts(
  db: Queryable,
  p: { stationId: number; from: string; to: string; rules: HonourRules },
): Promise<(Omit<HonourFacts, 'samplingFailures'> & { workshop: boolean })[]> {
  return db.query(
    `WITH graded AS (
       SELECT DISTINCT ON (g.business_id) g.business_id, g.grade
         FROM food_grades g JOIN food_businesses fb ON fb.id = g.business_id
        WHERE fb.station_id = $1 AND g.kind = 'dynamic' AND g.status <> 'withdrawn' AND g.graded_on <= $3::date
        ORDER BY g.business_id, g.graded_on DESC, g.id DESC),
     inspected AS (
       SELECT fi.business_id, count(*) FILTER (WHERE fi.result = 'fail')::int AS fails,
              count(*) FILTER (WHERE fi.result = 'fail' AND fi.score < $4)::int AS serious,
              count(*)::int AS inspections, count(*) FILTER (WHERE fi.result <> 'pass')::int AS "notPassed"
         FROM food_inspections fi
        WHERE fi.station_id = $1 AND fi.status = 'done' AND fi.inspected_on BETWEEN $2::date AND $3::date
        GROUP BY fi.business_id)
     SELECT fb.id AS "businessId", gr.grade, COALESCE(f.fails, 0) AS fails, COALESCE(f.serious, 0) AS "seriousFails",
            COALESCE(f.inspections, 0) AS inspections, COALESCE(f."notPassed", 0) AS "notPassed",
            EXISTS (SELECT 1 FROM food_licences fl WHERE fl.business_id = fb.id AND fl.kind = 'workshop'
                       AND fl.status = 'active') AS workshop
       FROM food_businesses fb
       LEFT JOIN graded gr ON gr.business_id = fb.id
       LEFT JOIN inspected f ON f.business_id = fb.id
      WHERE fb.station_id = $1 AND (gr.business_id IS NOT NULL OR f.fails > 0)
      ORDER BY fb.id`,
    [p.stationId, p.from, p.to, p.rules.black.seriousScoreBelow],
  );
}

export async function insertList(
  tx: Queryable,
  p: { stationId: number; month: string; rules: HonourRules; draftedBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_honour_lists (station_id, month, rules, drafted_by) VALUES ($1, $2::date, $3, $4) RETURNING id`,
    [p.stationId, `${p.month}-01`, JSON.stringify(p.rules), p.draftedBy],
  );
  return row!.id;
}

/** The entries with the business's name, address and active licence copied from the registry as they are now. */
export async function insertEntries(
  tx: Queryable,
  listId: number,
  entries: { businessId: number; board: string; segment: string; grade: string | null; reasons: string[] }[],
): Promise<void> {
  if (!entries.length) return;
  await tx.query(
    `INSERT INTO food_honour_entries (list_id, business_id, board, segment, grade, reasons, business_name, licence_no, address)
     SELECT $1, x.business_id, x.board, x.segment, x.grade, x.reasons, e.name,
            (SELECT fl.licence_no FROM food_licences fl WHERE fl.business_id = fb.id AND fl.status = 'active'
              ORDER BY fl.issued_on DESC, fl.id DESC LIMIT 1),
            e.address
       FROM jsonb_to_recordset($2::jsonb) AS x(business_id bigint, board text, segment text, grade text, reasons text[])
       JOIN food_businesses fb ON fb.id = x.business_id JOIN entities e ON e.id = fb.entity_id`,
    [
      listId,
      JSON.stringify(
        entries.map((e) => ({
          business_id: e.businessId,
          board: e.board,
          segment: e.segment,
          grade: e.grade,
          reasons: e.reasons,
        })),
      ),
    ],
  );
}

/** A versioned status change; false when someone else changed the list first. */
export async function setStatus(
  tx: Queryable,
  p: { id: number; version: number; status: HonourStatus; actorId: number; reason?: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_honour_lists SET status = $3, version = version + 1,
            approved_by = CASE WHEN $3 = 'approved' THEN $4 ELSE approved_by END,
            approved_at = CASE WHEN $3 = 'approved' THEN now() ELSE approved_at END,
            published_at = CASE WHEN $3 = 'published' THEN now() ELSE published_at END,
            withdrawn_reason = CASE WHEN $3 = 'withdrawn' THEN $5 ELSE withdrawn_reason END
      WHERE id = $1 AND version = $2 RETURNING id`,
    [p.id, p.version, p.status, p.actorId, p.reason ?? null],
  );
  return rows.length === 1;
}

export async function bumpVersion(tx: Queryable, id: number, version: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE food_honour_lists SET version = version + 1 WHERE id = $1 AND version = $2 RETURNING id',
    [id, version],
  );
  return rows.length === 1;
}

export async function removeEntry(
  tx: Queryable,
  p: { listId: number; entryId: number; reason: string; actorId: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_honour_entries SET removed_reason = $3, removed_by = $4
      WHERE id = $2 AND list_id = $1 AND removed_reason IS NULL RETURNING id`,
    [p.listId, p.entryId, p.reason, p.actorId],
  );
  return rows.length === 1;
}

/** Published lists, newest month first (keyset on month, id). */
export async function publishedLists(
  db: Queryable,
  p: { stationId?: number; month?: string; before?: [string, number] },
  limit: number,
): Promise<HonourListRow[]> {
  const w = new Where().add("hl.status = 'published'");
  w.addIf(p.stationId, 'hl.station_id = ?');
  if (p.month) w.add('hl.month = ?::date', `${p.month}-01`);
  if (p.before) w.add('(hl.month, hl.id) < (?::date, ?)', `${p.before[0]}-01`, p.before[1]);
  const rows = await db.query<HonourListRow>(
    `SELECT ${listColumns} FROM food_honour_lists hl JOIN org_units o ON o.id = hl.station_id ${w}
      ORDER BY hl.month DESC, hl.id DESC LIMIT ${w.param(limit)}`,
    w.params,
  );
  return rows.map(asList);
}

export interface StationMonthRow {
  stationId: number;
  stationName: string;
  listId: number | null;
  /** Never 'withdrawn': only the live list is joined. */
  status: Exclude<HonourStatus, 'withdrawn'> | null;
  version: number | null;
  redCount: number | null;
  blackCount: number | null;
}

/**
 * Every active station in reach (`null`: all) with its live list of the month, if any: the district's view of who
 * has drafted, approved and published. One row per station (at most one live list per station and month).
 */
export async function stationsOfMonth(
  db: Queryable,
  p: { month: string; stationIds: readonly number[] | null; unpublishedOnly?: boolean; limit?: number },
): Promise<StationMonthRow[]> {
  const w = new Where().add("o.kind = 'station'").add('o.active');
  if (p.stationIds) w.add('o.id = ANY(?::bigint[])', p.stationIds);
  if (p.unpublishedOnly) w.add("(hl.id IS NULL OR hl.status <> 'published')");
  const month = w.param(`${p.month}-01`);
  return db.query<StationMonthRow>(
    `SELECT o.id AS "stationId", o.name AS "stationName", hl.id AS "listId", hl.status, hl.version,
            (SELECT count(*)::int FROM food_honour_entries x WHERE x.list_id = hl.id AND x.board = 'red' AND x.removed_reason IS NULL) AS "redCount",
            (SELECT count(*)::int FROM food_honour_entries x WHERE x.list_id = hl.id AND x.board = 'black' AND x.removed_reason IS NULL) AS "blackCount"
       FROM org_units o
       LEFT JOIN food_honour_lists hl ON hl.station_id = o.id AND hl.month = ${month}::date AND hl.status <> 'withdrawn'
       ${w} ORDER BY o.sort_order, o.id ${p.limit ? `LIMIT ${w.param(p.limit)}` : ''}`,
    w.params,
  );
}

/** Lists in reach waiting for the chief: drafted (to approve) or approved (to publish), oldest month first. */
export async function awaitingChief(db: Queryable, actor: Actor, limit: number) {
  const w = readableWhere(actor, honourListKind, new Where()).add("hl.status IN ('draft', 'approved')");
  const rows = await db.query<HonourListRow>(
    `SELECT ${listColumns} FROM food_honour_lists hl JOIN org_units o ON o.id = hl.station_id ${w}
      ORDER BY hl.month, hl.id LIMIT ${w.param(limit)}`,
    w.params,
  );
  return rows.map(asList);
}
