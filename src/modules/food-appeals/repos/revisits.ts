import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { RevisitStatus } from '../../../domain/food-appeals.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface RevisitRow {
  id: number;
  businessId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  reason: string;
  channel: 'portal' | 'paper';
  requestedOn: string;
  dueOn: string;
  status: RevisitStatus;
  rejectReason: string | null;
  inspectionId: number | null;
  plannedOn: string | null;
  version: number;
}

const cols = `v.id, v.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId", v.reason, v.channel,
  v.requested_on::text AS "requestedOn", v.due_on::text AS "dueOn", v.status, v.reject_reason AS "rejectReason",
  v.inspection_id AS "inspectionId", fi.planned_on::text AS "plannedOn", v.version`;
const from = `food_revisit_requests v JOIN food_businesses fb ON fb.id = v.business_id JOIN entities e ON e.id = fb.entity_id
  JOIN org_units s ON s.id = fb.station_id LEFT JOIN food_inspections fi ON fi.id = v.inspection_id`;

export async function getRevisit(q: Queryable, id: number): Promise<RevisitRow | undefined> {
  const [row] = await q.query<RevisitRow>(`SELECT ${cols} FROM ${from} WHERE v.id = $1`, [id]);
  return row;
}

export async function listRevisits(
  q: Queryable,
  actor: Actor,
  p: { status?: RevisitStatus; businessId?: number; after?: number; limit: number },
): Promise<RevisitRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.addIf(p.status, 'v.status = ?');
  w.addIf(p.businessId, 'v.business_id = ?');
  w.addIf(p.after, 'v.id < ?');
  return q.query<RevisitRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY v.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

export async function revisitsOfBusiness(q: Queryable, businessId: number): Promise<RevisitRow[]> {
  return q.query<RevisitRow>(`SELECT ${cols} FROM ${from} WHERE v.business_id = $1 ORDER BY v.id DESC LIMIT 50`, [
    businessId,
  ]);
}

/** The latest request that counts against the interval (any not rejected), with its date. */
export async function lastCountingRequest(q: Queryable, businessId: number): Promise<string | undefined> {
  const [row] = await q.query<{ on: string }>(
    `SELECT requested_on::text AS "on" FROM food_revisit_requests
      WHERE business_id = $1 AND status <> 'rejected' ORDER BY requested_on DESC LIMIT 1`,
    [businessId],
  );
  return row?.on;
}

export async function insertRevisit(
  tx: Queryable,
  r: {
    businessId: number;
    reason: string;
    channel: 'portal' | 'paper';
    requestedOn: string;
    dueOn: string;
    recordedBy: number | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_revisit_requests (business_id, reason, channel, requested_on, due_on, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [r.businessId, r.reason, r.channel, r.requestedOn, r.dueOn, r.recordedBy],
  );
  return Number(row!.id);
}

export async function decideRevisit(
  tx: Queryable,
  key: { id: number; version: number },
  d: { status: 'accepted' | 'rejected'; reason: string | null; inspectionId: number | null; by: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE food_revisit_requests SET status = $3, reject_reason = $4, inspection_id = $5, decided_by = $6,
       decided_at = now(), updated_at = now(), version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'requested' RETURNING id`,
    [key.id, key.version, d.status, d.reason, d.inspectionId, d.by],
  );
  return rows.length === 1;
}

/** The planned re-visit: a food_inspections row of kind revisit in the business's station (the plan shows it). */
export async function planRevisitInspection(
  tx: Queryable,
  p: { businessId: number; stationId: number; plannedOn: string; by: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, status, planned_on, station_id, created_by)
     VALUES ($1, 'revisit', 'planned', $2, $3, $4) RETURNING id`,
    [p.businessId, p.plannedOn, p.stationId, p.by],
  );
  return Number(row!.id);
}
