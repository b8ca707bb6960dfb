import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { equipmentSupervisionKind } from '../access.ts';

export interface SupervisionRow {
  id: number;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  plannedOn: string;
  status: 'planned' | 'inProgress' | 'done';
  visitId: number | null;
  visitStatus: string | null;
  inspectedOn: string | null;
  findings: string | null;
  hazardCount: number;
  createdBy: number | null;
  inspectors: { id: number; name: string; userId: number | null }[];
  version: number;
}

const cols = `es.id, es.entity_id AS "entityId", e.name AS "entityName", es.station_id AS "stationId",
  s.name AS "stationName", es.planned_on::text AS "plannedOn", es.status, es.visit_id AS "visitId",
  sv.status AS "visitStatus", es.inspected_on::text AS "inspectedOn", es.findings, es.created_by AS "createdBy",
  es.version,
  (SELECT count(*)::int FROM equipment_hazards h WHERE h.visit_id = es.visit_id) AS "hazardCount",
  coalesce((SELECT json_agg(json_build_object('id', i.id, 'name', i.name, 'userId', i.user_id) ORDER BY i.id)
     FROM spot_check_inspectors i WHERE i.id = ANY(sv.inspector_ids)), '[]') AS inspectors`;
const from = `equipment_supervisions es JOIN entities e ON e.id = es.entity_id JOIN org_units s ON s.id = es.station_id
  LEFT JOIN spot_check_visits sv ON sv.id = es.visit_id`;

export async function insertSupervision(
  tx: Queryable,
  r: { entityId: number; stationId: number; plannedOn: string; createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO equipment_supervisions (entity_id, station_id, planned_on, created_by) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [r.entityId, r.stationId, r.plannedOn, r.createdBy],
  );
  return row!.id;
}

export async function findSupervision(q: Queryable, id: number): Promise<SupervisionRow | undefined> {
  const [row] = await q.query<SupervisionRow>(`SELECT ${cols} FROM ${from} WHERE es.id = $1`, [id]);
  return row;
}

/** The supervisions the caller may read, newest first, keyset by id. */
export async function listSupervisions(
  q: Queryable,
  actor: Actor,
  f: { status?: string; entityId?: number; cursor?: number; limit: number },
): Promise<SupervisionRow[]> {
  const w = readableWhere(actor, equipmentSupervisionKind, new Where())
    .addIf(f.status, 'es.status = ?')
    .addIf(f.entityId, 'es.entity_id = ?')
    .addIf(f.cursor, 'es.id < ?');
  const lim = w.param(f.limit + 1);
  return q.query<SupervisionRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY es.id DESC LIMIT ${lim}`, w.params);
}

export async function markSupervision(
  tx: Queryable,
  key: { id: number; version: number },
  set: { status: string; visitId?: number; inspectedOn?: string; findings?: string | null },
): Promise<boolean> {
  return updateVersioned(tx, 'equipment_supervisions', key, {
    status: set.status,
    ...(set.visitId !== undefined && { visit_id: set.visitId }),
    ...(set.inspectedOn !== undefined && { inspected_on: set.inspectedOn }),
    ...(set.findings !== undefined && { findings: set.findings }),
  });
}

/** The entity's equipment in the register (registered or not, scrapped ones excluded), by code. */
export async function equipmentOfEntity(q: Queryable, entityId: number) {
  return q.query<{
    id: number;
    equipmentCode: string;
    categoryName: string;
    registrationNo: string | null;
    status: string;
    inspectionState: 'normal' | 'due' | 'overdue';
    nextInspectionDue: string | null;
  }>(
    `SELECT q.id, q.equipment_code AS "equipmentCode", c.name AS "categoryName", q.registration_no AS "registrationNo",
            q.status, q.inspection_state AS "inspectionState", q.next_inspection_due::text AS "nextInspectionDue"
       FROM equipment q JOIN equipment_categories c ON c.code = q.category_code
      WHERE q.entity_id = $1 ORDER BY q.equipment_code LIMIT 500`,
    [entityId],
  );
}

export async function entityFacts(q: Queryable, entityId: number) {
  const [row] = await q.query<{ id: number; name: string; stationId: number }>(
    'SELECT id, name, station_id AS "stationId" FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}
