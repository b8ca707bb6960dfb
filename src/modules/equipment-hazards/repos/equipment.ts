import type { Queryable } from '../../../db/client.ts';
import { findEquipment } from '../../equipment/published.ts';

/** What this module needs of a piece of equipment, read through the register's published function. */
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
  return findEquipment(db, id);
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
