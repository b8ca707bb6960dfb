import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface EnrollmentRow {
  id: number;
  businessId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  vendorId: number;
  vendorName: string;
  enrolledOn: string;
  endedOn: string | null;
  cameras: { cameraId: string; area: string }[];
  openAlerts: number;
  version: number;
}

const cols = `ke.id, ke.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId", ke.vendor_id AS "vendorId",
  v.name AS "vendorName", ke.enrolled_on::text AS "enrolledOn", ke.ended_on::text AS "endedOn", ke.version,
  coalesce((SELECT json_agg(json_build_object('cameraId', c.camera_id, 'area', c.area) ORDER BY c.camera_id)
              FROM kitchen_cameras c WHERE c.enrollment_id = ke.id), '[]'::json) AS cameras,
  (SELECT count(*)::int FROM kitchen_alerts a WHERE a.business_id = ke.business_id AND a.status = 'new') AS "openAlerts"`;
const from = `kitchen_enrollments ke JOIN food_businesses fb ON fb.id = ke.business_id
  JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id
  JOIN kitchen_vendors v ON v.id = ke.vendor_id`;

export async function getEnrollment(q: Queryable, id: number): Promise<EnrollmentRow | undefined> {
  const [row] = await q.query<EnrollmentRow>(`SELECT ${cols} FROM ${from} WHERE ke.id = $1`, [id]);
  return row;
}

export async function listEnrollments(
  q: Queryable,
  actor: Actor,
  p: { q?: string; afterId?: number; limit: number },
): Promise<EnrollmentRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (p.q) w.add('e.name LIKE ?', `%${escapeLike(p.q)}%`);
  w.addIf(p.afterId, 'ke.id < ?');
  return q.query<EnrollmentRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY ke.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

/** The business an enrollment is for (its reach decides who may enroll it). */
export async function businessReach(
  q: Queryable,
  businessId: number,
): Promise<{ id: number; stationId: number; createdBy: number | null; inspectorId: number | null } | undefined> {
  const [row] = await q.query<{ id: number; stationId: number; createdBy: number | null; inspectorId: number | null }>(
    `SELECT id, station_id AS "stationId", created_by AS "createdBy", inspector_id AS "inspectorId"
       FROM food_businesses WHERE id = $1`,
    [businessId],
  );
  return row;
}

export async function insertEnrollment(
  q: Queryable,
  r: { businessId: number; vendorId: number; enrolledOn: string; createdBy: number },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO kitchen_enrollments (business_id, vendor_id, enrolled_on, created_by) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [r.businessId, r.vendorId, r.enrolledOn, r.createdBy],
  );
  return row!.id;
}

export async function updateEnrollment(
  q: Queryable,
  r: { id: number; version: number; endedOn: string | null | undefined },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE kitchen_enrollments SET ended_on = CASE WHEN $3::boolean THEN $4::date ELSE ended_on END,
            version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [r.id, r.version, r.endedOn !== undefined, r.endedOn ?? null],
  );
  return rows.length === 1;
}

/** Replaces the enrollment's cameras; a camera id another enrollment of the vendor holds violates the key. */
export async function replaceCameras(
  q: Queryable,
  enrollmentId: number,
  vendorId: number,
  cameras: readonly { cameraId: string; area: string }[],
): Promise<void> {
  await q.query('DELETE FROM kitchen_cameras WHERE enrollment_id = $1', [enrollmentId]);
  await q.query(
    `INSERT INTO kitchen_cameras (vendor_id, camera_id, enrollment_id, area)
     SELECT $1, c, $2, a FROM unnest($3::text[], $4::text[]) AS t(c, a)`,
    [vendorId, enrollmentId, cameras.map((c) => c.cameraId), cameras.map((c) => c.area)],
  );
}
