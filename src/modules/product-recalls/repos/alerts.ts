import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { productAlertMatchKind } from '../access.ts';

export interface NewAlert {
  rowNo: number;
  sourceRef: string;
  source: string;
  publishedOn: string;
  productName: string;
  risk: string;
  producerName: string | null;
  producerUscc: string | null;
  sellerName: string | null;
  sellerUscc: string | null;
  producerQuery: string | null;
  sellerQuery: string | null;
}

export async function insertBatch(tx: Queryable, b: { filename: string; alertCount: number; importedBy: number }) {
  const [row] = await tx.query<{ id: number }>(
    'INSERT INTO product_alert_batches (filename, alert_count, imported_by) VALUES ($1, $2, $3) RETURNING id',
    [b.filename, b.alertCount, b.importedBy],
  );
  return Number(row!.id);
}

/** All of a file's alerts in one statement (arrays unnested), however many rows. */
export async function insertAlerts(tx: Queryable, batchId: number, alerts: readonly NewAlert[]) {
  const col = <K extends keyof NewAlert>(k: K) => alerts.map((a) => a[k]);
  await tx.query(
    `INSERT INTO product_alerts (batch_id, row_no, source_ref, source, published_on, product_name, risk, producer_name,
       producer_uscc, seller_name, seller_uscc, producer_query, seller_query)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
    [
      batchId,
      col('rowNo'),
      col('sourceRef'),
      col('source'),
      col('publishedOn'),
      col('productName'),
      col('risk'),
      col('producerName'),
      col('producerUscc'),
      col('sellerName'),
      col('sellerUscc'),
      col('producerQuery'),
      col('sellerQuery'),
    ],
  );
}

/**
 * Matches a batch's alerts against the registry in one statement per key: a USCC through the entities' unique
 * index, else the exact name through the name_bigrams GIN index (the ANDed bigrams, then an equality recheck), so
 * the cost is one index probe per named party, never a scan of the registry. Returns the number of matches made.
 */
export async function matchBatch(tx: Queryable, batchId: number, dueOn: string): Promise<number> {
  const parties = `product_alerts a CROSS JOIN LATERAL (VALUES
      ('producer', a.producer_name, a.producer_uscc, a.producer_query),
      ('seller', a.seller_name, a.seller_uscc, a.seller_query)) p(role, name, uscc, query)`;
  const byUscc = await tx.query<{ id: number }>(
    `INSERT INTO product_alert_matches (alert_id, entity_id, station_id, role, matched_by, due_on)
     SELECT a.id, e.id, e.station_id, p.role, 'uscc', $2::date
       FROM ${parties} JOIN entities e ON e.uscc = p.uscc
      WHERE a.batch_id = $1 AND p.uscc IS NOT NULL
     ON CONFLICT DO NOTHING RETURNING id`,
    [batchId, dueOn],
  );
  const byName = await tx.query<{ id: number }>(
    `INSERT INTO product_alert_matches (alert_id, entity_id, station_id, role, matched_by, due_on)
     SELECT a.id, e.id, e.station_id, p.role, 'name', $2::date
       FROM ${parties} CROSS JOIN LATERAL (
         SELECT e.id, e.station_id FROM entities e
          WHERE e.name_bigrams @@ p.query::tsquery AND e.name = p.name LIMIT 5) e
      WHERE a.batch_id = $1 AND p.query IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM product_alert_matches m WHERE m.alert_id = a.id AND m.role = p.role)
     ON CONFLICT DO NOTHING RETURNING id`,
    [batchId, dueOn],
  );
  const total = byUscc.length + byName.length;
  await tx.query('UPDATE product_alert_batches SET match_count = $2 WHERE id = $1', [batchId, total]);
  return total;
}

const batchCols = `b.id, b.filename, b.alert_count AS "alertCount", b.match_count AS "matchCount",
  b.created_at AS "createdAt"`;

export async function getBatch(db: Queryable, id: number) {
  const [row] = await db.query<{
    id: number;
    filename: string;
    alertCount: number;
    matchCount: number;
    createdAt: string;
  }>(`SELECT ${batchCols} FROM product_alert_batches b WHERE b.id = $1`, [id]);
  return row;
}

export function listBatches(db: Queryable, limit: number) {
  return db.query<{ id: number; filename: string; alertCount: number; matchCount: number; createdAt: string }>(
    `SELECT ${batchCols} FROM product_alert_batches b ORDER BY b.id DESC LIMIT $1`,
    [limit],
  );
}

export interface MatchRow {
  id: number;
  alertId: number;
  batchId: number;
  sourceRef: string;
  source: string;
  publishedOn: string;
  productName: string;
  risk: string;
  alertName: string;
  alertUscc: string | null;
  role: 'producer' | 'seller';
  matchedBy: 'uscc' | 'name';
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  status: string;
  dueOn: string;
  note: string | null;
  leadCode: string | null;
  decidedBy: number | null;
  version: number;
}

const matchCols = `pam.id, pam.alert_id AS "alertId", a.batch_id AS "batchId", a.source_ref AS "sourceRef", a.source,
  a.published_on::text AS "publishedOn", a.product_name AS "productName", a.risk,
  CASE pam.role WHEN 'producer' THEN coalesce(a.producer_name, '') ELSE coalesce(a.seller_name, '') END AS "alertName",
  CASE pam.role WHEN 'producer' THEN a.producer_uscc ELSE a.seller_uscc END AS "alertUscc",
  pam.role, pam.matched_by AS "matchedBy", pam.entity_id AS "entityId", e.name AS "entityName", e.uscc,
  pam.station_id AS "stationId", s.name AS "stationName", pam.status, pam.due_on::text AS "dueOn", pam.note,
  pam.lead_code AS "leadCode", pam.decided_by AS "decidedBy", pam.version`;
const matchFrom = `product_alert_matches pam JOIN product_alerts a ON a.id = pam.alert_id
  JOIN entities e ON e.id = pam.entity_id JOIN org_units s ON s.id = pam.station_id`;

export async function getMatch(db: Queryable, id: number): Promise<MatchRow | undefined> {
  const [row] = await db.query<MatchRow>(`SELECT ${matchCols} FROM ${matchFrom} WHERE pam.id = $1`, [id]);
  return row;
}

export function listMatches(
  db: Queryable,
  actor: Actor,
  f: { status?: string; batchId?: number },
  p: { afterId?: number; limit: number },
) {
  const w = readableWhere(actor, productAlertMatchKind, new Where())
    .addIf(f.status, 'pam.status = ?')
    .addIf(f.batchId, 'a.batch_id = ?')
    .addIf(p.afterId, 'pam.id < ?');
  return db.query<MatchRow>(
    `SELECT ${matchCols} FROM ${matchFrom} ${w} ORDER BY pam.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

/** A reviewer's working note (核实备注), before or after the decision; no status change. */
export async function setMatchNote(tx: Queryable, id: number, note: string | null) {
  await tx.query('UPDATE product_alert_matches SET note = $2, updated_at = now() WHERE id = $1', [id, note]);
}

export const updateMatch = (tx: Queryable, id: number, version: number, set: Record<string, unknown>) =>
  updateVersioned(tx, 'product_alert_matches', { id, version }, set);

/** The review queue's clock for the work inbox: pending matches by due date, one bounded range per window. */
export function pendingMatches(db: Queryable, actor: Actor, p: { today: string; weekEnd: string; limit: number }) {
  const w = readableWhere(actor, productAlertMatchKind, new Where())
    .add(`pam.status = 'pending'`)
    .add('pam.due_on BETWEEN win.lo AND win.hi');
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<{ id: number; entityName: string; productName: string; stationName: string; dueOn: string }>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT pam.id, e.name AS "entityName", a.product_name AS "productName", s.name AS "stationName",
              pam.due_on::text AS "dueOn"
         FROM ${matchFrom} ${w} ORDER BY pam.due_on, pam.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingMatches(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; cap: number },
) {
  const w = readableWhere(actor, productAlertMatchKind, new Where())
    .add(`pam.status = 'pending'`)
    .add('pam.due_on BETWEEN win.lo AND win.hi');
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM product_alert_matches pam ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
