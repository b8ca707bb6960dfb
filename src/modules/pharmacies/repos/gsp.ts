import type { Queryable } from '../../../db/client.ts';

export interface GspRecord {
  id: number;
  pharmacyId: number;
  visitId: number;
  status: 'inProgress' | 'done';
  result: 'pass' | 'rectify' | 'fail' | null;
  findings: string | null;
  inspectedOn: string | null;
  inspectors: string[];
  visitStatus: string;
  version: number;
  createdAt: string;
  stationId: number;
  createdBy: number | null;
  entityId: number;
}

const select = `SELECT g.id, g.pharmacy_id AS "pharmacyId", g.visit_id AS "visitId", g.status, g.result, g.findings,
    g.inspected_on::text AS "inspectedOn", v.status AS "visitStatus", g.version, g.created_at AS "createdAt",
    ph.station_id AS "stationId", ph.created_by AS "createdBy", ph.entity_id AS "entityId",
    coalesce((SELECT array_agg(i.name ORDER BY i.id) FROM spot_check_inspectors i WHERE i.id = ANY(v.inspector_ids)),
             '{}') AS inspectors
  FROM pharmacy_gsp_inspections g JOIN pharmacies ph ON ph.id = g.pharmacy_id
  JOIN spot_check_visits v ON v.id = g.visit_id`;

export async function gspOf(q: Queryable, pharmacyId: number) {
  return q.query<GspRecord>(`${select} WHERE g.pharmacy_id = $1 ORDER BY g.id DESC`, [pharmacyId]);
}

export async function findGsp(q: Queryable, id: number, lock = false) {
  const [row] = await q.query<GspRecord>(`${select} WHERE g.id = $1${lock ? ' FOR UPDATE OF g' : ''}`, [id]);
  return row;
}

export async function insertGsp(tx: Queryable, p: { pharmacyId: number; visitId: number; createdBy: number }) {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO pharmacy_gsp_inspections (pharmacy_id, visit_id, created_by) VALUES ($1, $2, $3) RETURNING id`,
    [p.pharmacyId, p.visitId, p.createdBy],
  );
  return row!.id;
}

export async function markGspDone(
  tx: Queryable,
  p: { id: number; version: number; result: string; findings: string | null; inspectedOn: string },
) {
  const rows = await tx.query<{ id: number }>(
    `UPDATE pharmacy_gsp_inspections SET status = 'done', result = $3, findings = $4, inspected_on = $5,
            version = version + 1
      WHERE id = $1 AND version = $2 AND status = 'inProgress' RETURNING id`,
    [p.id, p.version, p.result, p.findings, p.inspectedOn],
  );
  return rows.length === 1;
}
