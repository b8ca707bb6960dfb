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
  createdBy: number | null;
  version: number;
}

const cols = `eh.id, eh.equipment_id AS "equipmentId", q.equipment_code AS "equipmentCode", e.name AS "entityName",
  eh.station_id AS "stationId", eh.grade_code AS "gradeCode", g.name AS "gradeName", g.requires_stop AS "requiresStop",
  g.rectify_days AS "rectifyDays", eh.description, eh.found_on::text AS "foundOn",
  eh.inspector_names AS "inspectorNames", eh.status, eh.directive_id AS "directiveId", eh.created_by AS "createdBy",
  eh.version`;
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
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO equipment_hazards (equipment_id, station_id, grade_code, description, found_on, inspector_names,
       status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) RETURNING id`,
    [h.equipmentId, h.stationId, h.gradeCode, h.description, h.foundOn, h.inspectorNames, h.createdBy],
  );
  return row!.id;
}

export async function hazardsByIds(db: Queryable, ids: readonly number[]): Promise<HazardRow[]> {
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} WHERE eh.id = ANY($1::bigint[]) ORDER BY eh.id`, [ids]);
}

export async function hazardsOfDirective(db: Queryable, directiveId: number): Promise<HazardRow[]> {
  return db.query<HazardRow>(`SELECT ${cols} FROM ${from} WHERE eh.directive_id = $1 ORDER BY eh.id`, [directiveId]);
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
