import type { Queryable } from '../../../db/client.ts';

/** Periodic inspections and 维保 records of one piece of equipment (read through the equipment's access check). */
export async function inspectionsOf(db: Queryable, equipmentId: number) {
  return db.query<{
    id: number;
    inspectionKind: 'periodic' | 'external' | 'internal';
    inspectedOn: string;
    conclusion: 'pass' | 'conditional' | 'fail';
    safetyGrade: number | null;
    nextDue: string | null;
    reportNo: string;
    instituteName: string | null;
  }>(
    `SELECT id, inspection_kind AS "inspectionKind", inspected_on::text AS "inspectedOn", conclusion,
       safety_grade AS "safetyGrade", next_due::text AS "nextDue", report_no AS "reportNo",
       institute_name AS "instituteName"
       FROM equipment_inspections WHERE equipment_id = $1 ORDER BY inspected_on DESC, id DESC LIMIT 100`,
    [equipmentId],
  );
}

export async function maintenanceOf(db: Queryable, equipmentId: number) {
  return db.query<{
    id: number;
    maintainedOn: string;
    maintenanceUnitName: string | null;
    maintainerName: string | null;
    note: string | null;
  }>(
    `SELECT id, maintained_on::text AS "maintainedOn", maintenance_unit_name AS "maintenanceUnitName",
       maintainer_name AS "maintainerName", note
       FROM equipment_maintenance WHERE equipment_id = $1 ORDER BY maintained_on DESC, id DESC LIMIT 100`,
    [equipmentId],
  );
}

export async function reportNosTaken(db: Queryable, pairs: { equipmentId: number; reportNo: string }[]) {
  if (!pairs.length) return new Set<string>();
  const rows = await db.query<{ k: string }>(
    `SELECT i.equipment_id || '|' || i.report_no AS k
       FROM equipment_inspections i JOIN unnest($1::bigint[], $2::text[]) AS p(eid, no)
         ON i.equipment_id = p.eid AND i.report_no = p.no`,
    [pairs.map((p) => p.equipmentId), pairs.map((p) => p.reportNo)],
  );
  return new Set(rows.map((r) => r.k));
}

export interface NewInspection {
  equipmentId: number;
  inspectionKind: string;
  inspectedOn: string;
  conclusion: string;
  safetyGrade: number | null;
  nextDue: string | null;
  reportNo: string;
  instituteName: string | null;
  createdBy: number;
}

export async function insertInspection(db: Queryable, n: NewInspection): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO equipment_inspections (equipment_id, inspection_kind, inspected_on, conclusion, safety_grade, next_due,
       report_no, institute_name, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      n.equipmentId,
      n.inspectionKind,
      n.inspectedOn,
      n.conclusion,
      n.safetyGrade,
      n.nextDue,
      n.reportNo,
      n.instituteName,
      n.createdBy,
    ],
  );
  return row!.id;
}

/** The inspection's outcome on the register (not a status: that goes through the transition table). */
export async function applyInspection(
  db: Queryable,
  id: number,
  p: { nextDue: string | null; state: string; safetyGrade: number | null; unregisteredFoundOn: string | null },
): Promise<void> {
  await db.query(
    `UPDATE equipment SET next_inspection_due = coalesce($2::date, next_inspection_due), inspection_state = $3,
       safety_grade = coalesce($4, safety_grade),
       unregistered_found_on = coalesce(unregistered_found_on, $5::date), updated_at = now(), version = version + 1
     WHERE id = $1`,
    [id, p.nextDue, p.state, p.safetyGrade, p.unregisteredFoundOn],
  );
}

export interface NewMaintenance {
  equipmentId: number;
  maintainedOn: string;
  maintenanceUnitName: string | null;
  maintainerName: string | null;
  note: string | null;
  createdBy: number;
}

/** Inserts records and moves each lift's last_maintained_on forward (never back), set-based. */
export async function insertMaintenance(db: Queryable, rows: NewMaintenance[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO equipment_maintenance (equipment_id, maintained_on, maintenance_unit_name, maintainer_name, note,
       created_by)
     SELECT * FROM unnest($1::bigint[], $2::date[], $3::text[], $4::text[], $5::text[], $6::bigint[])`,
    [
      rows.map((r) => r.equipmentId),
      rows.map((r) => r.maintainedOn),
      rows.map((r) => r.maintenanceUnitName),
      rows.map((r) => r.maintainerName),
      rows.map((r) => r.note),
      rows.map((r) => r.createdBy),
    ],
  );
  await db.query(
    `UPDATE equipment eq SET last_maintained_on = m.d, updated_at = now()
       FROM (SELECT id, max(d) AS d FROM unnest($1::bigint[], $2::date[]) AS x(id, d) GROUP BY id) m
      WHERE eq.id = m.id AND (eq.last_maintained_on IS NULL OR eq.last_maintained_on < m.d)`,
    [rows.map((r) => r.equipmentId), rows.map((r) => r.maintainedOn)],
  );
}
