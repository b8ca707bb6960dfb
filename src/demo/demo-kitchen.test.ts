import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../tests/helpers/test-db.ts';
import { makeUscc } from '../domain/uscc.ts';
import { createPiiCipher } from '../platform/pii.ts';
import { loadDemoKitchen } from './demo-kitchen-repo.ts';

test('demo 明厨亮灶: a tenth of the catering businesses enrolled, cameras DEMO-n-k, weeks of alerts, fast', async () => {
  const t = await createTestDb();
  try {
    const { db } = t;
    // 200 catering businesses at s01 with an active hot-food licence, 50 retail ones without.
    const codes = Array.from({ length: 250 }, (_, i) => makeUscc('92', '440605', `DK${String(i).padStart(6, '0')}`));
    await db.query(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT u, 'individualBusiness', '演示餐馆' || g, ''::tsvector, (SELECT id FROM org_units WHERE code = 's01'),
              '2020-01-01'
         FROM unnest($1::text[]) WITH ORDINALITY AS t(u, g)`,
      [codes],
    );
    await db.query(
      `INSERT INTO food_businesses (entity_id, station_id) SELECT id, station_id FROM entities WHERE name LIKE '演示餐馆%'`,
    );
    await db.query(
      `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on, status)
       SELECT fb.id, 'operation', 'JY2440605' || lpad(fb.id::text, 7, '0'),
              CASE WHEN fb.id % 5 = 0 THEN ARRAY['prepackaged'] ELSE ARRAY['hotFood'] END,
              current_date - 100, current_date + 1000, current_date + 950, 'active'
         FROM food_businesses fb`,
    );
    const pii = createPiiCipher('demo-test-secret-0123456789-abcdef');
    pii.encrypt('warm up');
    const started = Date.now();
    const r = await loadDemoKitchen(db, pii);
    const seconds = (Date.now() - started) / 1000;
    assert.ok(r.enrolled >= 10 && r.enrolled <= 30, String(r.enrolled));
    assert.ok(r.cameras >= r.enrolled * 2);
    assert.ok(r.alerts > r.enrolled, String(r.alerts));
    const [first] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM kitchen_cameras WHERE camera_id = 'DEMO-1-1'`,
    );
    assert.equal(first!.n, 1);
    const statuses = await db.query<{ status: string }>('SELECT DISTINCT status FROM kitchen_alerts ORDER BY 1');
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['handled', 'ignored', 'new'],
    );
    const [future] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM kitchen_alerts WHERE first_seen_at > now()',
    );
    assert.equal(future!.n, 0);
    console.log(`demo kitchen: ${JSON.stringify(r)} in ${seconds.toFixed(2)} s`);
  } finally {
    await t.close();
  }
});
