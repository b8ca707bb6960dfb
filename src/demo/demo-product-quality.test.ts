import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { loadDemoProductQuality } from './demo-product-quality-repo.ts';

let t: TestDb;
const today = '2026-12-04';
before(async () => {
  t = await createTestDb();
  await t.db.query(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, status)
     SELECT 'DPQ' || lpad(g::text, 15, '0'), 'enterprise', '产品演示' || g || '号厂', ''::tsvector, s.id, '2020-01-01', 'active'
       FROM generate_series(1, 600) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS sn FROM org_units WHERE kind = 'station') s
         ON s.sn = g % (SELECT count(*) FROM org_units WHERE kind = 'station')`,
  );
});
after(() => t.close());

test('demo product quality: 210 samples this year, 193 合格 (92 %), plans by grade, 3C and exemptions', async () => {
  const started = performance.now();
  const loaded = await loadDemoProductQuality(t.db, today);
  const seconds = (performance.now() - started) / 1000;
  console.log(`demo product quality: ${JSON.stringify(loaded)} in ${seconds.toFixed(2)} s`);
  assert.equal(loaded.samples, 210);
  assert.equal(loaded.passed, 193);
  assert.equal(loaded.certificates, 30);
  assert.equal(loaded.exemptions, 8);
  assert.ok(loaded.plans > 0);
  const [s] = await t.db.query<{ stations: number; categories: number; noPlan: number }>(
    `SELECT count(DISTINCT station_id)::int AS stations, count(DISTINCT category_code)::int AS categories,
            count(*) FILTER (WHERE plan_id IS NULL)::int AS "noPlan"
       FROM product_samples WHERE sampled_on >= '2026-01-01'`,
  );
  assert.ok(s!.stations > 3 && s!.categories === 9, JSON.stringify(s));
  assert.ok(seconds < 5);
});
