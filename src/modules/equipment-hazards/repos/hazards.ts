import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { equipmentHazardKind } from '../access.ts';

export interface HazardRow {
  id: number;
  equipmentId: number;
  equipmentCode: string;
  entityName: string;
  stationId: number;
  gradeCode: string;
  gradeName: string;
  requiresStop: boolean;
  rectifyDays: number;
  description: string;
  foundOn: string;
  inspectorNames: string;
  status: 'open' | 'ordered' | 'closed';
  directiveId: number | null;
  visitId: number | null;
  createdBy: number | null;
  version: number;
}

const cols = `eh.id, eh.equipment_id AS "equipmentId", q.equipment_code AS "equipmentCode", e.name AS "entityName",
  eh.station_id AS "stationId", eh.grade_code AS "gradeCode", g.name AS "gradeName", g.requires_stop AS "requiresStop",
  g.rectify_days AS "rectifyDays", eh.description, eh.found_on::text AS "foundOn",
  eh.inspector_names AS "inspectorNames", eh.status, eh.directive_id AS "directiveId", eh.visit_id AS "visitId",
  eh.created_by AS "createdBy", eh.version`;
const from = `equipment_hazards eh JOIN equipment q ON q.id = eh.equipment_id JOIN entities e ON e.id = q.entity_id
  JOIN equipment_hazard_grades g ON g.code = eh.grade_code`;

export async function insertHazard(
  tx: Queryable,
  h: {
    equipmentId: number;
    stationId: number;
    gradeCode: string;
    description: string;
    foundOn: string;
    inspectorNames: string;
    visitId: number | null;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO equipment_hazards (equipment_id, station_id, grade_code, description, found_on, inspector_names,
       status, visit_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8) RETURNING id`,
    [h.equipmentId, h.stationId, h.gradeCode, h.description, h.foundOn, h.inspectorNames, h.visitId, h.createdBy],
  );
  return row!.id;
}

export async function hazardsByIds(db: Queryable, ids: readonly number[]): Promise<HazardRow[]> {
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} WHERE eh.id = ANY($1::bigint[]) ORDER BY eh.id`, [ids]);
}

export async function hazardsOfDirective(db: Queryable, directiveId: number): Promise<HazardRow[]> {
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} WHERE eh.directive_id = $1 ORDER BY eh.id`, [directiveId]);
}

/** The hazards recorded on one 监督检查 visit (the caller has read the supervision it belongs to). */
export async function hazardsOfVisit(db: Queryable, visitId: number): Promise<HazardRow[]> {
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} WHERE eh.visit_id = $1 ORDER BY eh.id`, [visitId]);
}

export interface HazardExportRow extends HazardRow {
  registrationNo: string | null;
  stationName: string;
  docNo: string | null;
  directiveStatus: string | null;
  deadline: string | null;
  rectifiedOn: string | null;
  closedOn: string | null;
}

/**
 * One keyset batch of the hazard list export, newest first: the hazards the caller may read, filtered as the
 * 指令书 list is (its order's status, the equipment). A status filter leaves out hazards not yet ordered.
 */
export async function exportHazards(
  db: Queryable,
  actor: Actor,
  f: { status?: string; equipmentId?: number },
  beforeId: number | undefined,
  limit: number,
): Promise<HazardExportRow[]> {
  const w = readableWhere(actor, equipmentHazardKind, new Where())
    .addIf(f.status, 'ed.status = ?')
    .addIf(f.equipmentId, 'eh.equipment_id = ?')
    .addIf(beforeId, 'eh.id < ?');
  const lim = w.param(limit);
  return db.query<HazardExportRow>(
    `SELECT ${cols}, q.registration_no AS "registrationNo", s.name AS "stationName", ed.doc_no AS "docNo",
            ed.status AS "directiveStatus", ed.deadline::text AS deadline, ed.rectified_on::text AS "rectifiedOn",
            ed.closed_on::text AS "closedOn"
       FROM ${from} JOIN org_units s ON s.id = eh.station_id LEFT JOIN equipment_directives ed ON ed.id = eh.directive_id
       ${w} ORDER BY eh.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** The hazards of a piece of equipment the caller may read, newest first. */
export async function hazardsOfEquipment(db: Queryable, actor: Actor, equipmentId: number): Promise<HazardRow[]> {
  const w = readableWhere(actor, equipmentHazardKind, new Where()).add('eh.equipment_id = ?', equipmentId);
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY eh.id DESC LIMIT 200`, w.params);
}

/** A hazard's status change (the workflow's check is the caller's); false when someone changed it first. */
export async function setHazardStatus(
  tx: Queryable,
  id: number,
  version: number,
  status: string,
  directiveId?: number,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE equipment_hazards SET status = $3, directive_id = coalesce($4, directive_id), version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, status, directiveId ?? null],
  );
  return rows.length > 0;
}

export interface GradeRow {
  code: string;
  name: string;
  rectifyDays: number;
  requiresStop: boolean;
  sort: number;
  active: boolean;
}

export async function listGrades(db: Queryable): Promise<GradeRow[]> {
  return db.query<GradeRow>(
    `SELECT code, name, rectify_days AS "rectifyDays", requires_stop AS "requiresStop", sort, active
       FROM equipment_hazard_grades ORDER BY sort, code`,
  );
}

export async function upsertGrade(tx: Queryable, g: GradeRow): Promise<void> {
  await tx.query(
    `INSERT INTO equipment_hazard_grades (code, name, rectify_days, requires_stop, sort, active)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, rectify_days = EXCLUDED.rectify_days,
       requires_stop = EXCLUDED.requires_stop, sort = EXCLUDED.sort, active = EXCLUDED.active`,
    [g.code, g.name, g.rectifyDays, g.requiresStop, g.sort, g.active],
  );
}
