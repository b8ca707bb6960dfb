import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertEntities, unitId } from '../../../../tests/helpers/spot-check-factories.ts';
import { createTestDb, type TestDb, testDbKind } from '../../../../tests/helpers/test-db.ts';
import { conflictsFor } from './catalog.ts';

/** 回避 conflicts of drawn entities: read whole and matched when fewer than the drawn, else by the drawn ids. */
describe(`conflictsFor gives the same conflicts either way (${testDbKind()})`, () => {
  let testDb: TestDb;
  let entities: number[];
  let inspector: number;

  before(async () => {
    testDb = await createTestDb();
    const db = testDb.db;
    entities = await insertEntities(db, { count: 6, stationCode: 's01' });
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO spot_check_inspectors (name, department_id, station_id) VALUES ('回避测试', $1, $1) RETURNING id`,
      [await unitId(db, 's01')],
    );
    inspector = row!.id;
    // Conflicts with the first three entities.
    await db.query(
      `INSERT INTO spot_check_conflicts (inspector_id, entity_id, reason) SELECT $1, unnest($2::bigint[]), '亲属'`,
      [inspector, entities.slice(0, 3)],
    );
  });
  after(() => testDb.close());

  test('more drawn than declared: the declared ones of the drawn', async () => {
    const got = await conflictsFor(testDb.db, [entities[1]!, entities[3]!, entities[4]!, entities[5]!]);
    assert.deepEqual([...got], [`${inspector}:${entities[1]}`]);
  });

  test('fewer drawn than declared: the same answer by the drawn ids', async () => {
    const got = await conflictsFor(testDb.db, [entities[2]!, entities[5]!]);
    assert.deepEqual([...got], [`${inspector}:${entities[2]}`]);
  });
});
