import type { Queryable } from '../../../db/client.ts';

/**
 * Read-only look-ups of the equipment register (owned by src/modules/equipment; until its published.ts lands these
 * SELECTs are the only reads this module makes of the `equipment` table). Changes go through equipment-link.ts.
 */
export interface EquipmentFacts {
  id: number;
  equipmentCode: string;
  registrationNo: string | null;
  categoryCode: string;
  categoryName: string;
  entityId: number;
  entityName: string;
  stationId: number;
  stationCode: string;
  stationName: string;
  address: string;
  maintenanceUnitName: string | null;
  status: string;
  nextInspectionDue: string | null;
  inspectionState: 'normal' | 'due' | 'overdue';
  version: number;
}

export async function equipmentFacts(db: Queryable, id: number): Promise<EquipmentFacts | undefined> {
  const [row] = await db.query<EquipmentFacts>(
    `SELECT q.id, q.equipment_code AS "equipmentCode", q.registration_no AS "registrationNo",
            q.category_code AS "categoryCode", c.name AS "categoryName", q.entity_id AS "entityId",
            e.name AS "entityName", q.station_id AS "stationId", s.code AS "stationCode", s.name AS "stationName",
            q.address, q.maintenance_unit_name AS "maintenanceUnitName", q.status,
            q.next_inspection_due::text AS "nextInspectionDue", q.inspection_state AS "inspectionState", q.version
       FROM equipment q JOIN equipment_categories c ON c.code = q.category_code
       JOIN entities e ON e.id = q.entity_id JOIN org_units s ON s.id = q.station_id
      WHERE q.id = $1`,
    [id],
  );
  return row;
}

/** The bureau (the station's top unit) named on documents and the public page. */
export async function authorityOf(db: Queryable, stationId: number): Promise<string> {
  const [row] = await db.query<{ name: string }>(
    `WITH RECURSIVE up AS (SELECT id, parent_id, name FROM org_units WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.name FROM org_units o JOIN up ON o.id = up.parent_id)
     SELECT name FROM up WHERE parent_id IS NULL`,
    [stationId],
  );
  return row?.name ?? '市场监督管理局';
}
