import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { loadDemoFoodSampling } from './demo-food-sampling-repo.ts';

let t: TestDb;
const today = '2026-12-04';
before(async () => {
  t = await createTestDb();
  // 4,000 food businesses across the stations and trades (set-based; the registry demo makes ≈ 3,800).
  await t.db.query(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, status, industry_code)
     SELECT 'DFS' || lpad(g::text, 15, '0'), 'individualBusiness', '抽检演示' || g || '号', ''::tsvector, s.id,
            '2020-01-01', 'active', (ARRAY['6210', '6220', '6239', '5212', '5213', '5221', '5222', '1469', '5127'])[1 + g % 9]
       FROM generate_series(1, 4000) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS sn FROM org_units WHERE kind = 'station') s
         ON s.sn = g % (SELECT count(*) FROM org_units WHERE kind = 'station')`,
  );
  await t.db.query(
    `INSERT INTO food_businesses (entity_id, station_id) SELECT id, station_id FROM entities WHERE uscc LIKE 'DFS%'`,
  );
});
after(() => t.close());

test('demo sampling: the seeds’ rate, a 合格率 near 97.5 %, 不合格 ones notified with leads, 复检 and 核查处置', async () => {
  const started = performance.now();
  const loaded = await loadDemoFoodSampling(t.db, today);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `demo sampling: ${loaded.samples} samples (${loaded.failed} 不合格), ${loaded.plans} plans in ${seconds.toFixed(2)} s`,
  );
  assert.ok(loaded.samples > 1200 && loaded.samples < 2000, String(loaded.samples));
  const [r] = await t.db.query<{
    tested: number;
    passed: number;
    leads: number;
    retests: number;
    handled: number;
    published: number;
    open: number;
  }>(
    `SELECT count(*) FILTER (WHERE conclusion IS NOT NULL)::int AS tested,
            count(*) FILTER (WHERE coalesce(retest_conclusion, conclusion) = 'pass')::int AS passed,
            count(*) FILTER (WHERE case_lead_ref IS NOT NULL)::int AS leads,
            count(*) FILTER (WHERE retest_requested_on IS NOT NULL)::int AS retests,
            count(*) FILTER (WHERE status = 'handled')::int AS handled,
            count(*) FILTER (WHERE published_on IS NOT NULL)::int AS published,
            count(*) FILTER (WHERE status IN ('sampled', 'delivered'))::int AS open
       FROM food_samples`,
  );
  const rate = (r!.passed / r!.tested) * 100;
  assert.ok(rate > 96.5 && rate < 98.5, `合格率 ${rate.toFixed(1)}`);
  assert.ok(
    r!.leads > 10 && r!.retests > 3 && r!.handled > 5 && r!.published > 1000 && r!.open > 10,
    JSON.stringify(r),
  );
  const [items] = await t.db.query<{ bad: number }>(
    `SELECT count(*)::int AS bad FROM food_samples fs WHERE fs.conclusion IS NOT NULL AND NOT EXISTS
       (SELECT 1 FROM food_sample_items i WHERE i.sample_id = fs.id AND NOT i.retest AND i.conclusion = fs.conclusion)`,
  );
  assert.equal(items!.bad, 0, 'every tested sample has items agreeing with its conclusion');
});
