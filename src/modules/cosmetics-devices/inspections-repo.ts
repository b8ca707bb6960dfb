import type { Queryable } from '../../db/client.ts';

export interface CdInspectionRecord {
  id: number;
  businessId: number;
  visitId: number;
  visitStatus: string;
  plannedOn: string;
  status: 'scheduled' | 'done';
  result: 'pass' | 'rectify' | 'fail' | null;
  findings: string | null;
  inspectedOn: string | null;
  inspectors: { id: number; name: string; userId: number | null }[];
  createdAt: string;
  version: number;
  stationId: number;
  createdBy: number | null;
  entityId: number;
}

// The business's reach columns (station, registrant) come with each row: an inspection is as reachable as it.
const select = `SELECT ci.id, ci.business_id AS "businessId", ci.visit_id AS "visitId", v.status AS "visitStatus",
    ci.planned_on::text AS "plannedOn", ci.status, ci.result, ci.findings, ci.inspected_on::text AS "inspectedOn",
    coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'userId', i.user_id) ORDER BY i.id)
                FROM spot_check_inspectors i WHERE i.id = ANY(v.inspector_ids)), '[]') AS inspectors,
    ci.created_at AS "createdAt", ci.version, b.station_id AS "stationId", b.created_by AS "createdBy",
    b.entity_id AS "entityId"
  FROM cd_inspections ci JOIN cd_businesses b ON b.id = ci.business_id JOIN spot_check_visits v ON v.id = ci.visit_id`;

export async function inspectionsOf(q: Queryable, businessId: number) {
  return q.query<CdInspectionRecord>(`${select} WHERE ci.business_id = $1 ORDER BY ci.id DESC LIMIT 100`, [businessId]);
}

export async function findInspection(q: Queryable, id: number) {
  const [row] = await q.query<CdInspectionRecord>(`${select} WHERE ci.id = $1`, [id]);
  return row;
}

export async function insertInspection(
  tx: Queryable,
  p: { businessId: number; visitId: number; plannedOn: string; createdBy: number },
) {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cd_inspections (business_id, visit_id, planned_on, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [p.businessId, p.visitId, p.plannedOn, p.createdBy],
  );
  return Number(row!.id);
}

export async function markInspectionDone(
  tx: Queryable,
  p: { id: number; version: number; result: string; findings: string | null; inspectedOn: string },
) {
  const rows = await tx.query(
    `UPDATE cd_inspections SET status = 'done', result = $3, findings = $4, inspected_on = $5, version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'scheduled' RETURNING 1`,
    [p.id, p.version, p.result, p.findings, p.inspectedOn],
  );
  return rows.length === 1;
}
