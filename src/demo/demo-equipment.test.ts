import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { loadDemoEquipment } from './demo-equipment-repo.ts';

let t: TestDb;
const today = '2026-12-04';
before(async () => {
  t = await createTestDb();
  await t.db.query(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, status)
     SELECT 'DEQ' || lpad(g::text, 15, '0'), 'enterprise', '设备演示' || g || '号', ''::tsvector, s.id, '2010-01-01', 'active'
       FROM generate_series(1, 7000) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS sn FROM org_units WHERE kind = 'station') s
         ON s.sn = g % (SELECT count(*) FROM org_units WHERE kind = 'station')`,
  );
});
after(() => t.close());

test('demo equipment: 3,000 lifts and 1,500 others with due, overdue, histories and 维保, quickly', async () => {
  const started = performance.now();
  const n = await loadDemoEquipment(t.db, today);
  const seconds = (performance.now() - started) / 1000;
  console.log(`demo equipment: ${JSON.stringify(n)} in ${seconds.toFixed(2)} s`);
  assert.equal(n.equipment, 4500);
  assert.ok(n.maintenance > 15_000);
  const [r] = await t.db.query<{ lifts: number; due: number; overdue: number; unreg: number; behind: number }>(
    `SELECT count(*) FILTER (WHERE category_code LIKE '3%')::int AS lifts,
            count(*) FILTER (WHERE inspection_state = 'due')::int AS due,
            count(*) FILTER (WHERE inspection_state = 'overdue')::int AS overdue,
            count(*) FILTER (WHERE status = 'unregistered')::int AS unreg,
            count(*) FILTER (WHERE category_code LIKE '3%' AND last_maintained_on < $1::date - 15)::int AS behind
       FROM equipment`,
    [today],
  );
  console.log(r);
  assert.equal(r!.lifts, 3000);
  assert.ok(r!.due > 100 && r!.overdue > 100 && r!.unreg > 10 && r!.behind > 50);
  assert.ok(seconds < 5, `demo equipment took ${seconds} s`);
});
