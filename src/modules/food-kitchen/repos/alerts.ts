import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface AlertRow {
  id: number;
  businessId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  vendorName: string;
  cameraId: string;
  area: string;
  eventType: string;
  firstSeenAt: string;
  lastSeenAt: string;
  count: number;
  maxConfidence: number;
  snapshotFileId: number | null;
  status: 'new' | 'handled' | 'ignored';
  note: string | null;
  handledByName: string | null;
  handledAt: string | null;
  version: number;
}

const cols = `a.id, a.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId", v.name AS "vendorName",
  a.camera_id AS "cameraId", a.area, a.event_type AS "eventType", a.first_seen_at AS "firstSeenAt",
  a.last_seen_at AS "lastSeenAt", a.event_count AS count, a.max_confidence::float8 AS "maxConfidence",
  a.snapshot_file_id AS "snapshotFileId", a.status, a.note, hu.display_name AS "handledByName",
  a.handled_at AS "handledAt", a.version`;
const from = `kitchen_alerts a JOIN food_businesses fb ON fb.id = a.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fb.station_id JOIN kitchen_vendors v ON v.id = a.vendor_id
  LEFT JOIN users hu ON hu.id = a.handled_by`;

export async function getAlert(q: Queryable, id: number): Promise<AlertRow | undefined> {
  const [row] = await q.query<AlertRow>(`SELECT ${cols} FROM ${from} WHERE a.id = $1`, [id]);
  return row;
}

export async function listAlerts(
  q: Queryable,
  actor: Actor,
  p: { status?: string; eventType?: string; businessId?: number; stationId?: number; afterId?: number; limit: number },
): Promise<AlertRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.addIf(p.status, 'a.status = ?')
    .addIf(p.eventType, 'a.event_type = ?')
    .addIf(p.businessId, 'a.business_id = ?')
    .addIf(p.stationId, 'fb.station_id = ?')
    .addIf(p.afterId, 'a.id < ?');
  return q.query<AlertRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY a.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function setAlertStatus(
  q: Queryable,
  r: { id: number; version: number; status: string; note: string | null; userId: number },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE kitchen_alerts SET status = $3, note = $4,
            handled_by = CASE WHEN $3 = 'new' THEN NULL ELSE $5::bigint END,
            handled_at = CASE WHEN $3 = 'new' THEN NULL ELSE now() END, version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [r.id, r.version, r.status, r.note, r.userId],
  );
  return rows.length === 1;
}

export interface CameraTarget {
  businessId: number;
  entityId: number;
  entityName: string;
  stationId: number;
  area: string;
}

/**
 * The enrolled camera a delivery names, locked for the rest of the transaction: events of one camera are folded one
 * at a time, so two deliveries at once cannot both open a burst.
 */
export async function lockCamera(q: Queryable, vendorId: number, cameraId: string): Promise<CameraTarget | undefined> {
  const [row] = await q.query<CameraTarget>(
    `SELECT fb.id AS "businessId", fb.entity_id AS "entityId", e.name AS "entityName", fb.station_id AS "stationId",
            c.area
       FROM kitchen_cameras c JOIN kitchen_enrollments ke ON ke.id = c.enrollment_id AND ke.ended_on IS NULL
       JOIN food_businesses fb ON fb.id = ke.business_id JOIN entities e ON e.id = fb.entity_id
      WHERE c.vendor_id = $1 AND c.camera_id = $2
      FOR UPDATE OF c`,
    [vendorId, cameraId],
  );
  return row;
}

/** Records the event id; false when the vendor already sent it (a replay). */
export async function insertEvent(
  q: Queryable,
  e: { vendorId: number; eventId: string; occurredAt: string; confidence: number },
): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO kitchen_events (vendor_id, event_id, occurred_at, confidence) VALUES ($1, $2, $3, $4)
     ON CONFLICT (vendor_id, event_id) DO NOTHING RETURNING event_id`,
    [e.vendorId, e.eventId, e.occurredAt, e.confidence],
  );
  return rows.length === 1;
}

export async function linkEvent(
  q: Queryable,
  e: { vendorId: number; eventId: string; alertId: number; snapshotFileId: number | null },
): Promise<void> {
  await q.query(
    'UPDATE kitchen_events SET alert_id = $3, snapshot_file_id = $4 WHERE vendor_id = $1 AND event_id = $2',
    [e.vendorId, e.eventId, e.alertId, e.snapshotFileId],
  );
}

/** Folds the event into the open burst of its camera and type (an unhandled alert seen within `minutes`). */
export async function foldIntoBurst(
  q: Queryable,
  e: {
    vendorId: number;
    cameraId: string;
    eventType: string;
    occurredAt: string;
    confidence: number;
    minutes: number;
    snapshotFileId: number | null;
  },
): Promise<{ id: number; count: number } | undefined> {
  const [row] = await q.query<{ id: number; count: number }>(
    `UPDATE kitchen_alerts a SET event_count = a.event_count + 1,
            last_seen_at = greatest(a.last_seen_at, $4::timestamptz),
            first_seen_at = least(a.first_seen_at, $4::timestamptz),
            max_confidence = greatest(a.max_confidence, $5), snapshot_file_id = coalesce(a.snapshot_file_id, $7),
            version = a.version + 1
      WHERE a.id = (SELECT id FROM kitchen_alerts
                     WHERE vendor_id = $1 AND camera_id = $2 AND event_type = $3 AND status = 'new'
                       AND last_seen_at >= $4::timestamptz - make_interval(mins => $6)
                       AND first_seen_at <= $4::timestamptz + make_interval(mins => $6)
                     ORDER BY last_seen_at DESC LIMIT 1)
     RETURNING a.id, a.event_count AS count`,
    [e.vendorId, e.cameraId, e.eventType, e.occurredAt, e.confidence, e.minutes, e.snapshotFileId],
  );
  return row;
}

export async function insertAlert(
  q: Queryable,
  a: {
    businessId: number;
    vendorId: number;
    cameraId: string;
    area: string;
    eventType: string;
    occurredAt: string;
    confidence: number;
    snapshotFileId: number | null;
  },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO kitchen_alerts (business_id, vendor_id, camera_id, area, event_type, first_seen_at, last_seen_at,
            max_confidence, snapshot_file_id, due_on)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, ($6::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + 1)
     RETURNING id`,
    [a.businessId, a.vendorId, a.cameraId, a.area, a.eventType, a.occurredAt, a.confidence, a.snapshotFileId],
  );
  return row!.id;
}

/** Alerts of one type at the business first seen within `days` before `at` (the burst just made included). */
export async function countRecentAlerts(
  q: Queryable,
  p: { businessId: number; eventType: string; at: string; days: number },
): Promise<number> {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM kitchen_alerts
      WHERE business_id = $1 AND event_type = $2 AND status <> 'ignored'
        AND first_seen_at > $3::timestamptz - make_interval(days => $4)`,
    [p.businessId, p.eventType, p.at, p.days],
  );
  return row!.n;
}

export async function hasRecentEscalation(
  q: Queryable,
  p: { businessId: number; kind: 'followup' | 'caseLead'; days: number },
): Promise<boolean> {
  const rows = await q.query(
    `SELECT 1 FROM kitchen_escalations
      WHERE business_id = $1 AND kind = $2 AND created_at > now() - make_interval(days => $3) LIMIT 1`,
    [p.businessId, p.kind, p.days],
  );
  return rows.length > 0;
}

/** A planned follow-up inspection (the shared food_inspections contract) for the business. */
export async function planFollowup(
  q: Queryable,
  p: { businessId: number; stationId: number; plannedOn: string },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, status, planned_on, station_id)
     VALUES ($1, 'followup', 'planned', $2, $3) RETURNING id`,
    [p.businessId, p.plannedOn, p.stationId],
  );
  return row!.id;
}

export async function insertEscalation(
  q: Queryable,
  e: {
    businessId: number;
    kind: 'followup' | 'caseLead';
    eventType: string;
    alertId: number;
    inspectionId: number | null;
    caseLeadRef: string | null;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO kitchen_escalations (business_id, kind, event_type, alert_id, inspection_id, case_lead_ref)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.businessId, e.kind, e.eventType, e.alertId, e.inspectionId, e.caseLeadRef],
  );
}

export async function snapshotOf(q: Queryable, alertId: number): Promise<number | null> {
  const [row] = await q.query<{ id: number | null }>(
    'SELECT snapshot_file_id AS id FROM kitchen_alerts WHERE id = $1',
    [alertId],
  );
  return row?.id ?? null;
}
