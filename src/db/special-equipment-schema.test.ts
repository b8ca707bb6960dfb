import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEquipment } from '../../tests/helpers/equipment-factory.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('the equipment register takes a lift, keeps codes unique and refuses an unknown category', async () => {
  const lift = await makeEquipment(t.db, { tag: 'Q' });
  const [row] = await t.db.query<{ categoryCode: string; status: string; state: string; parent: string }>(
    `SELECT e.category_code AS "categoryCode", e.status, e.inspection_state AS state, c.parent_code AS parent
       FROM equipment e JOIN equipment_categories c ON c.code = e.category_code WHERE e.id = $1`,
    [lift.id],
  );
  assert.deepEqual(row, { categoryCode: '3100', status: 'inUse', state: 'normal', parent: '3000' });
  await assert.rejects(
    t.db.query(
      `INSERT INTO equipment (equipment_code, category_code, entity_id, station_id, address)
       SELECT $1, '3100', $2, station_id, 'x' FROM entities WHERE id = $2`,
      [lift.equipmentCode, lift.entityId],
    ),
  );
  await assert.rejects(makeEquipment(t.db, { tag: 'Q', categoryCode: '3999' }));
  const unregistered = await makeEquipment(t.db, { tag: 'Q', status: 'unregistered', categoryCode: '2300' });
  const [u] = await t.db.query<{ no: string | null }>('SELECT registration_no AS no FROM equipment WHERE id = $1', [
    unregistered.id,
  ]);
  assert.equal(u!.no, null);
});
