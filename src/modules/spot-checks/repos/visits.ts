import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { publicWhere, readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { spotCheckVisitKind } from '../access.ts';

export interface VisitRecord {
  id: number;
  planId: number;
  planName: string;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  status: string;
  inspectedOn: string | null;
  publishDueOn: string | null;
  publishedAt: string | null;
  version: number;
  inspectors: { id: number; name: string; departmentName: string; userId: number | null }[];
  foodInspectionId: number | null;
  cdBusinessId: number | null;
}

const visitSelect = `SELECT v.id, v.plan_id AS "planId", p.name AS "planName", v.entity_id AS "entityId", e.name AS "entityName",
    e.uscc, v.station_id AS "stationId", s.name AS "stationName", v.status, v.inspected_on AS "inspectedOn",
    v.publish_due_on AS "publishDueOn", v.published_at AS "publishedAt", v.version,
    coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'departmentName', d.name, 'userId', i.user_id)
                ORDER BY i.id)
       FROM spot_check_inspectors i JOIN org_units d ON d.id = i.department_id WHERE i.id = ANY(v.inspector_ids)), '[]')
       AS inspectors,
    (SELECT fi.id FROM food_inspections fi WHERE fi.visit_id = v.id) AS "foodInspectionId",
    (SELECT ci.business_id FROM cd_inspections ci WHERE ci.visit_id = v.id) AS "cdBusinessId"
  FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id JOIN entities e ON e.id = v.entity_id
  JOIN org_units s ON s.id = v.station_id`;

/** "Assigned to me": the caller is linked to one of the visit's inspectors (the visit kind's participant rule). */
const assignedToUser = spotCheckVisitKind.participant;

export async function findVisit(q: Queryable, id: number): Promise<VisitRecord | undefined> {
  const [row] = await q.query<VisitRecord>(`${visitSelect} WHERE v.id = $1`, [id]);
  return row;
}

export interface VisitFilter {
  taskId?: number;
  planId?: number;
  status?: string;
  /** Only the caller's own visits (drawn for them), whatever else their scope shows. */
  mine?: boolean;
  /** Inspected visits whose publication was due before this day. */
  overdueOn?: string;
  /** One entity's visits (spot_check_visits_entity_idx). */
  entityId?: number;
  beforeId?: number;
}

/** The visits the caller may see (access.ts: the visit kind), newest first, keyset by id. */
export async function listVisits(q: Queryable, reader: Actor, f: VisitFilter, limit: number): Promise<VisitRecord[]> {
  const w = readableWhere(reader, spotCheckVisitKind, new Where());
  if (f.mine) w.add(assignedToUser, reader.userId);
  if (f.taskId) w.add('v.task_ids @> ARRAY[?::bigint]', f.taskId);
  w.addIf(f.planId, 'v.plan_id = ?')
    .addIf(f.entityId, 'v.entity_id = ?')
    .addIf(f.status, 'v.status = ?')
    .addIf(f.beforeId, 'v.id < ?');
  if (f.overdueOn) w.add(`v.status = 'inspected' AND v.publish_due_on < ?`, f.overdueOn);
  return q.query<VisitRecord>(`${visitSelect} ${w} ORDER BY v.id DESC LIMIT ${limit}`, w.params);
}

export async function visitTasks(q: Queryable, visitId: number) {
  return q.query<{ id: number; name: string }>(
    `SELECT t.id, t.name FROM spot_check_visits v JOIN spot_check_tasks t ON t.id = ANY(v.task_ids)
      WHERE v.id = $1 ORDER BY t.id`,
    [visitId],
  );
}

export interface ResultRecord {
  itemId: number;
  category: string;
  notes: string | null;
  fileIds: number[];
  caseLeadRef: string | null;
}

export async function resultsOf(q: Queryable, visitId: number): Promise<ResultRecord[]> {
  return q.query<ResultRecord>(
    `SELECT item_id AS "itemId", category, notes, file_ids AS "fileIds", case_lead_ref AS "caseLeadRef"
       FROM spot_check_results WHERE visit_id = $1`,
    [visitId],
  );
}

export async function upsertResult(
  q: Queryable,
  r: ResultRecord & { visitId: number; recordedBy: number },
): Promise<void> {
  await q.query(
    `INSERT INTO spot_check_results (visit_id, item_id, category, notes, file_ids, case_lead_ref, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (visit_id, item_id) DO UPDATE SET category = EXCLUDED.category, notes = EXCLUDED.notes,
       file_ids = EXCLUDED.file_ids, case_lead_ref = coalesce(EXCLUDED.case_lead_ref, spot_check_results.case_lead_ref),
       recorded_by = EXCLUDED.recorded_by, recorded_at = now()`,
    [r.visitId, r.itemId, r.category, r.notes, r.fileIds, r.caseLeadRef, r.recordedBy],
  );
}

export async function queueRiskRecompute(q: Queryable, entityId: number, reason: string): Promise<void> {
  await q.query('INSERT INTO risk_recompute_queue (entity_id, reason) VALUES ($1, $2)', [entityId, reason]);
}

/** Optimistic visit status change with the columns the transition writes; false when stale. */
export async function setVisitStatus(
  q: Queryable,
  key: { id: number; version: number },
  set: { status: string; inspectedOn?: string; publishDueOn?: string; publishedAt?: Date },
): Promise<boolean> {
  return updateVersioned(q, 'spot_check_visits', key, {
    status: set.status,
    ...(set.inspectedOn !== undefined && { inspected_on: set.inspectedOn }),
    ...(set.publishDueOn !== undefined && { publish_due_on: set.publishDueOn }),
    ...(set.publishedAt !== undefined && { published_at: set.publishedAt }),
  });
}

/**
 * Published results for the public register (no login; access.ts: the visit kind's public rule): entity, date,
 * and per item the category only. `q`: an exact USCC or a fragment of the name.
 */
export async function publishedResults(
  q: Queryable,
  f: { q?: string; beforeId?: number; entityId?: number },
  limit: number,
) {
  const w = publicWhere(spotCheckVisitKind, new Where())
    .addIf(f.beforeId, 'v.id < ?')
    .addIf(f.entityId, 'v.entity_id = ?');
  if (f.q) w.add('(e.uscc = ? OR e.name LIKE ?)', f.q.toUpperCase(), `%${escapeLike(f.q)}%`);
  return q.query<{
    visitId: number;
    entityName: string;
    uscc: string;
    planName: string;
    taskNames: string[] | null;
    inspectedOn: string;
    publishedAt: string;
    items: { name: string; departmentName: string; category: string }[];
  }>(
    `SELECT v.id AS "visitId", e.name AS "entityName", e.uscc, p.name AS "planName", v.inspected_on AS "inspectedOn",
            v.published_at AS "publishedAt",
            (SELECT array_agg(t.name ORDER BY t.id) FROM spot_check_tasks t WHERE t.id = ANY(v.task_ids)) AS "taskNames",
            (SELECT json_agg(json_build_object('name', it.name, 'departmentName', d.name, 'category', r.category) ORDER BY it.code)
               FROM spot_check_results r JOIN spot_check_items it ON it.id = r.item_id JOIN org_units d ON d.id = it.department_id
              WHERE r.visit_id = v.id) AS items
       FROM spot_check_visits v JOIN entities e ON e.id = v.entity_id JOIN spot_check_plans p ON p.id = v.plan_id
      ${w} ORDER BY v.id DESC LIMIT ${limit}`,
    w.params,
  );
}

/** Records that an uploaded file is evidence of this visit (inside the upload's transaction). */
export async function linkVisitFile(q: Queryable, f: { visitId: number; fileId: number; uploadedBy: number }) {
  await q.query('INSERT INTO spot_check_visit_files (file_id, visit_id, uploaded_by) VALUES ($1, $2, $3)', [
    f.fileId,
    f.visitId,
    f.uploadedBy,
  ]);
}

/** Of the given files, those uploaded for this visit, with who uploaded them. */
export async function visitFiles(
  q: Queryable,
  visitId: number,
  fileIds: readonly number[],
): Promise<{ fileId: number; uploadedBy: number | null }[]> {
  if (fileIds.length === 0) return [];
  return q.query(
    `SELECT file_id AS "fileId", uploaded_by AS "uploadedBy" FROM spot_check_visit_files
      WHERE visit_id = $1 AND file_id = ANY($2::bigint[])`,
    [visitId, fileIds],
  );
}
