import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

let seq = 0;

export interface EquipmentFixture {
  id: number;
  entityId: number;
  equipmentCode: string;
}

/**
 * A piece of special equipment used by a new entity at `station` (default s01), by SQL, for tests of the modules
 * built on the register. `tag` (one letter, as USCC subject codes allow) keeps codes apart between test files
 * running at once. Defaults: a registered lift in use, inspection due in 200 days.
 */
export async function makeEquipment(
  q: Queryable,
  p: {
    tag: string;
    station?: string;
    categoryCode?: string;
    status?: string;
    nextInspectionDue?: string | null;
    inspectionState?: 'normal' | 'due' | 'overdue';
    entityId?: number;
  },
): Promise<EquipmentFixture> {
  seq++;
  const pid = String(process.pid % 1000).padStart(3, '0');
  let entityId = p.entityId;
  if (entityId === undefined) {
    const uscc = makeUscc('91', '440605', `${p.tag}${pid}${String(seq).padStart(4, '0')}`);
    const [e] = await q.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'enterprise', $2, ''::tsvector, id, '2015-01-01' FROM org_units WHERE code = $3
       RETURNING id`,
      [uscc, `设备使用单位${p.tag}${seq}`, p.station ?? 's01'],
    );
    entityId = e!.id;
  }
  // A code from equipment_categories (a sub-type such as 3100, or a top-level 3000); the equipment code starts with it.
  const categoryCode = p.categoryCode ?? '3100';
  const equipmentCode = `${categoryCode}${pid}${p.tag}${String(seq).padStart(6, '0')}`;
  const status = p.status ?? 'inUse';
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO equipment (equipment_code, category_code, registration_no, entity_id, station_id, address, region_code,
       status, first_used_on, registered_on, next_inspection_due, inspection_state)
     SELECT $1, $2, CASE WHEN $3 = 'unregistered' THEN NULL ELSE '梯' || $1 END, $4, id, '测试路1号', '440605001',
       $3, '2020-01-01', CASE WHEN $3 = 'unregistered' THEN NULL ELSE '2020-01-10'::date END,
       CASE WHEN $5::boolean THEN $6::date ELSE (now() AT TIME ZONE 'Asia/Shanghai')::date + 200 END, $7
     FROM org_units WHERE code = $8
     RETURNING id`,
    [
      equipmentCode,
      categoryCode,
      status,
      entityId,
      p.nextInspectionDue !== undefined,
      p.nextInspectionDue ?? null,
      p.inspectionState ?? 'normal',
      p.station ?? 's01',
    ],
  );
  return { id: row!.id, entityId: entityId!, equipmentCode };
}
