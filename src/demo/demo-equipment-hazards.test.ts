import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEquipment } from '../../tests/helpers/equipment-factory.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { loadDemoEquipmentHazards } from './demo-equipment-hazards-repo.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('demo hazards and orders: every state, numbered per station, fast', async () => {
  for (let i = 0; i < 120; i++) await makeEquipment(t.db, { tag: 'D' });
  const started = Date.now();
  const made = await loadDemoEquipmentHazards(t.db, shanghaiToday());
  const ms = Date.now() - started;
  console.log(`demo equipment hazards: ${made.directives} orders, ${made.hazards} hazards in ${ms} ms`);
  assert.ok(made.directives >= 20, JSON.stringify(made));
  const states = await t.db.query<{ status: string }>(
    `SELECT DISTINCT status FROM equipment_directives WHERE doc_no LIKE '%（演示）' ORDER BY 1`,
  );
  assert.deepEqual(
    states.map((s) => s.status),
    ['closed', 'issued', 'overdue', 'rectified'],
  );
  assert.ok(ms < 5000);
});
