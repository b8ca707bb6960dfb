import type { Queryable } from '../../../db/client.ts';

/**
 * The grade side of point 6, on the shared contract tables: the appealed grade with its business and the user ids
 * of the inspectors who gave it (the visit's drawn inspectors and whoever recorded the grade), and the one write an
 * appeal decision makes to food_grades (a new grade superseding the old, or the old set aside).
 */
export interface GradeRow {
  id: number;
  businessId: number;
  kind: 'dynamic' | 'annual';
  grade: string;
  gradedOn: string;
  status: 'current' | 'superseded' | 'withdrawn';
  inspectionId: number | null;
  year: number | null;
  stationId: number;
  createdBy: number | null;
  inspectorId: number | null;
}

const gradeCols = `g.id, g.business_id AS "businessId", g.kind, g.grade, g.graded_on::text AS "gradedOn", g.status,
  g.inspection_id AS "inspectionId", g.year, fb.station_id AS "stationId", fb.created_by AS "createdBy",
  fb.inspector_id AS "inspectorId"`;

export async function getGrade(q: Queryable, id: number): Promise<GradeRow | undefined> {
  const [row] = await q.query<GradeRow>(
    `SELECT ${gradeCols} FROM food_grades g JOIN food_businesses fb ON fb.id = g.business_id WHERE g.id = $1`,
    [id],
  );
  return row;
}

/** The business's current grades and those of the last `sinceDays`, newest first. */
export async function gradesOfBusiness(q: Queryable, businessId: number, since: string): Promise<GradeRow[]> {
  return q.query<GradeRow>(
    `SELECT ${gradeCols} FROM food_grades g JOIN food_businesses fb ON fb.id = g.business_id
      WHERE g.business_id = $1 AND (g.status = 'current' OR g.graded_on >= $2::date)
      ORDER BY g.graded_on DESC, g.id DESC LIMIT 20`,
    [businessId, since],
  );
}

/** Users who gave the grade: the inspection visit's drawn inspectors and the grade's and inspection's recorders. */
export async function gradeInspectorUserIds(q: Queryable, gradeId: number): Promise<number[]> {
  const rows = await q.query<{ userId: number }>(
    `SELECT i.user_id AS "userId" FROM food_grades g
       JOIN food_inspections fi ON fi.id = g.inspection_id
       JOIN spot_check_visits v ON v.id = fi.visit_id
       JOIN spot_check_inspectors i ON i.id = ANY (v.inspector_ids)
      WHERE g.id = $1 AND i.user_id IS NOT NULL
     UNION SELECT g.created_by FROM food_grades g WHERE g.id = $1 AND g.created_by IS NOT NULL
     UNION SELECT fi.created_by FROM food_grades g JOIN food_inspections fi ON fi.id = g.inspection_id
      WHERE g.id = $1 AND fi.created_by IS NOT NULL AND fi.visit_id IS NULL`,
    [gradeId],
  );
  return rows.map((r) => Number(r.userId));
}

/** A new current grade in place of `old` (same kind, inspection and year); returns its id. */
export async function supersedeGrade(
  tx: Queryable,
  old: GradeRow,
  p: { grade: string; on: string; by: number },
): Promise<number> {
  await tx.query(`UPDATE food_grades SET status = 'superseded', superseded_on = $2 WHERE id = $1`, [old.id, p.on]);
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_grades (business_id, kind, grade, inspection_id, year, graded_on, status, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'current', $7) RETURNING id`,
    [old.businessId, old.kind, p.grade, old.inspectionId, old.year, p.on, p.by],
  );
  await tx.query('UPDATE food_grades SET superseded_by = $2 WHERE id = $1', [old.id, row!.id]);
  return Number(row!.id);
}

export async function withdrawGrade(tx: Queryable, id: number, on: string): Promise<void> {
  await tx.query(`UPDATE food_grades SET status = 'withdrawn', superseded_on = $2 WHERE id = $1`, [id, on]);
}
