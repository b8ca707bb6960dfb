import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { productRecallKind } from '../access.ts';

export interface RecallRow {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  productName: string;
  batches: string;
  defect: string;
  quantity: number;
  recovered: number;
  plan: string;
  planFiledOn: string;
  status: string;
  completedOn: string | null;
  completionNote: string | null;
  publishedOn: string | null;
  createdBy: number | null;
  version: number;
}

const cols = `pr.id, pr.entity_id AS "entityId", e.name AS "entityName", e.uscc, pr.station_id AS "stationId",
  s.name AS "stationName", pr.product_name AS "productName", pr.batches, pr.defect, pr.quantity, pr.recovered,
  pr.plan, pr.plan_filed_on::text AS "planFiledOn", pr.status, pr.completed_on::text AS "completedOn",
  pr.completion_note AS "completionNote", pr.published_on::text AS "publishedOn", pr.created_by AS "createdBy",
  pr.version`;
const from = 'product_recalls pr JOIN entities e ON e.id = pr.entity_id JOIN org_units s ON s.id = pr.station_id';

export async function getRecall(db: Queryable, id: number): Promise<RecallRow | undefined> {
  const [row] = await db.query<RecallRow>(`SELECT ${cols} FROM ${from} WHERE pr.id = $1`, [id]);
  return row;
}

export async function listRecalls(
  db: Queryable,
  actor: Actor,
  f: { status?: string; q?: string },
  p: { afterId?: number; limit: number },
): Promise<RecallRow[]> {
  const w = readableWhere(actor, productRecallKind, new Where()).addIf(f.status, 'pr.status = ?');
  if (f.q) w.add('(e.name LIKE ? OR pr.product_name LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  w.addIf(p.afterId, 'pr.id < ?');
  return db.query<RecallRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY pr.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function listPublished(db: Queryable, f: { q?: string }, p: { afterId?: number; limit: number }) {
  const w = new Where().add('pr.published_on IS NOT NULL');
  if (f.q) w.add('(e.name LIKE ? OR pr.product_name LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  w.addIf(p.afterId, 'pr.id < ?');
  return db.query<RecallRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY pr.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function entityStation(db: Queryable, entityId: number) {
  const [row] = await db.query<{ id: number; stationId: number; name: string }>(
    'SELECT id, station_id AS "stationId", name FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}

export interface NewRecall {
  entityId: number;
  stationId: number;
  productName: string;
  batches: string;
  defect: string;
  quantity: number;
  plan: string;
  planFiledOn: string;
  createdBy: number;
}

export async function insertRecall(tx: Queryable, r: NewRecall): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO product_recalls (entity_id, station_id, product_name, batches, defect, quantity, plan, plan_filed_on,
       status, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'planned', $9) RETURNING id`,
    [r.entityId, r.stationId, r.productName, r.batches, r.defect, r.quantity, r.plan, r.planFiledOn, r.createdBy],
  );
  return Number(row!.id);
}

export const updateRecall = (tx: Queryable, id: number, version: number, set: Record<string, unknown>) =>
  updateVersioned(tx, 'product_recalls', { id, version }, set);

export async function insertEvent(
  tx: Queryable,
  e: { recallId: number; action: string; from: string | null; to: string; note: string | null; actorId: number },
) {
  await tx.query(
    `INSERT INTO product_recall_events (recall_id, action, from_status, to_status, note, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.recallId, e.action, e.from, e.to, e.note, e.actorId],
  );
}

export async function insertReport(
  tx: Queryable,
  r: { recallId: number; reportedOn: string; quantityRecovered: number; note: string | null; createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO product_recall_reports (recall_id, reported_on, quantity_recovered, note, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.recallId, r.reportedOn, r.quantityRecovered, r.note, r.createdBy],
  );
  return Number(row!.id);
}

export async function latestReportOn(db: Queryable, recallId: number): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>(
    'SELECT max(reported_on)::text AS d FROM product_recall_reports WHERE recall_id = $1',
    [recallId],
  );
  return row?.d ?? null;
}

export async function attachReportFile(tx: Queryable, recallId: number, reportId: number, fileId: number) {
  const rows = await tx.query(
    'UPDATE product_recall_reports SET file_id = $3 WHERE id = $2 AND recall_id = $1 AND file_id IS NULL RETURNING id',
    [recallId, reportId, fileId],
  );
  return rows.length === 1;
}

export async function reportOf(db: Queryable, recallId: number, reportId: number) {
  const [row] = await db.query<{ id: number; fileId: number | null }>(
    'SELECT id, file_id AS "fileId" FROM product_recall_reports WHERE id = $2 AND recall_id = $1',
    [recallId, reportId],
  );
  return row;
}

export function listReports(db: Queryable, recallId: number) {
  return db.query<{
    id: number;
    reportedOn: string;
    quantityRecovered: number;
    note: string | null;
    fileId: number | null;
    fileName: string | null;
  }>(
    `SELECT r.id, r.reported_on::text AS "reportedOn", r.quantity_recovered AS "quantityRecovered", r.note,
       r.file_id AS "fileId", f.filename AS "fileName"
       FROM product_recall_reports r LEFT JOIN stored_files f ON f.id = r.file_id
      WHERE r.recall_id = $1 ORDER BY r.reported_on, r.id`,
    [recallId],
  );
}

export function listEvents(db: Queryable, recallId: number) {
  return db.query<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    actorName: string | null;
    createdAt: string;
  }>(
    `SELECT ev.action, ev.from_status AS "fromStatus", ev.to_status AS "toStatus", ev.note,
       u.display_name AS "actorName", ev.created_at AS "createdAt"
       FROM product_recall_events ev LEFT JOIN users u ON u.id = ev.actor_id
      WHERE ev.recall_id = $1 ORDER BY ev.id`,
    [recallId],
  );
}
