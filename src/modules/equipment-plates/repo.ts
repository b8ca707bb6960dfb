import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import { readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { equipmentPlateKind } from './access.ts';

export interface PlateRow {
  id: number;
  equipmentId: number;
  stationId: number;
  equipmentCode: string;
  registrationNo: string;
  validUntil: string;
  issuedOn: string;
  kid: string;
  signature: string;
  current: boolean;
  createdBy: number | null;
  createdAt: string;
}

const cols = `ep.id, ep.equipment_id AS "equipmentId", ep.station_id AS "stationId", ep.equipment_code AS "equipmentCode",
  ep.registration_no AS "registrationNo", ep.valid_until::text AS "validUntil", ep.issued_on::text AS "issuedOn",
  ep.kid, ep.signature, NOT EXISTS (SELECT 1 FROM equipment_plates n WHERE n.equipment_id = ep.equipment_id
  AND n.id > ep.id) AS current, ep.created_by AS "createdBy", ep.created_at::text AS "createdAt"`;

export async function insertPlate(
  tx: Queryable,
  p: {
    equipmentId: number;
    stationId: number;
    equipmentCode: string;
    registrationNo: string;
    validUntil: string;
    issuedOn: string;
    kid: string;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO equipment_plates (equipment_id, station_id, equipment_code, registration_no, valid_until, issued_on,
       kid, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.equipmentId, p.stationId, p.equipmentCode, p.registrationNo, p.validUntil, p.issuedOn, p.kid, p.createdBy],
  );
  return row!.id;
}

export async function setSignature(tx: Queryable, id: number, signature: string): Promise<void> {
  await tx.query('UPDATE equipment_plates SET signature = $2 WHERE id = $1 AND signature IS NULL', [id, signature]);
}

export async function getPlate(db: Queryable, id: number): Promise<PlateRow | undefined> {
  const [row] = await db.query<PlateRow>(`SELECT ${cols} FROM equipment_plates ep WHERE ep.id = $1`, [id]);
  return row;
}

export async function platesOf(db: Queryable, actor: Actor, equipmentId: number): Promise<PlateRow[]> {
  const w = readableWhere(actor, equipmentPlateKind, new Where()).add('ep.equipment_id = ?', equipmentId);
  return db.query<PlateRow>(`SELECT ${cols} FROM equipment_plates ep ${w} ORDER BY ep.id DESC LIMIT 50`, w.params);
}

/** What the public page shows beside a genuine plate: the register's live facts (primary-key look-ups). */
export async function publicFacts(db: Queryable, equipmentId: number) {
  const [row] = await db.query<{
    categoryName: string;
    address: string;
    userUnit: string;
    maintenanceUnit: string | null;
    nextInspectionDue: string | null;
    inspectionState: 'normal' | 'due' | 'overdue';
    status: string;
    stationId: number;
  }>(
    `SELECT c.name AS "categoryName", q.address, e.name AS "userUnit",
            coalesce(q.maintenance_unit_name, m.name) AS "maintenanceUnit",
            q.next_inspection_due::text AS "nextInspectionDue", q.inspection_state AS "inspectionState", q.status,
            q.station_id AS "stationId"
       FROM equipment q JOIN equipment_categories c ON c.code = q.category_code JOIN entities e ON e.id = q.entity_id
       LEFT JOIN entities m ON m.id = q.maintenance_entity_id
      WHERE q.id = $1`,
    [equipmentId],
  );
  return row;
}
