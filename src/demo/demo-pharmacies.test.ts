import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDb } from '../../tests/helpers/test-db.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { makeUscc } from '../domain/uscc.ts';
import { loadDemoPharmacies } from './demo-pharmacies-repo.ts';

test('demo 阳光药师: 176 pharmacies with pharmacists and a year of daily attendance at ≈ 99 %, fast', async () => {
  const t = await createTestDb();
  try {
    const { db } = t;
    // 200 registry entities holding a 药品经营许可证 across the stations (as the demo register has them).
    const codes = Array.from({ length: 200 }, (_, i) => makeUscc('91', '440605', `DP${String(i).padStart(6, '0')}`));
    await db.query(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT u, 'enterprise', '演示大药房' || g,
              ''::tsvector, (SELECT id FROM org_units WHERE kind = 'station' ORDER BY id OFFSET (g % 8) LIMIT 1), '2018-01-01'
         FROM unnest($1::text[]) WITH ORDINALITY AS t(u, g)`,
      [codes],
    );
    await db.query(
      `INSERT INTO entity_licences (entity_id, kind, number, issued_on, valid_until)
       SELECT id, 'drugLicence', '粤CB0605' || lpad(id::text, 7, '0'), '2019-06-01', '2024-05-31' FROM entities
        WHERE name LIKE '演示大药房%'`,
    );
    const today = shanghaiToday();
    const started = Date.now();
    const cpu = process.cpuUsage();
    const r = await loadDemoPharmacies(db, today);
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    assert.equal(r.pharmacies, 176);
    assert.ok(r.pharmacists > 176 && r.pharmacists <= 352, String(r.pharmacists));
    assert.equal(r.days, 176 * 365);
    const [rate] = await db.query<{ rate: number; lapsed: number }>(
      `SELECT round(sum(covered_minutes) * 100.0 / sum(open_minutes), 2)::float8 AS rate,
              (SELECT count(*)::int FROM pharmacies WHERE licence_valid_until < $1) AS lapsed
         FROM pharmacy_attendance_days`,
      [today],
    );
    assert.ok(rate!.rate >= 98.8 && rate!.rate < 99.6, String(rate!.rate));
    assert.equal(rate!.lapsed, 0, 'lapsed register licences are carried on by renewal');
    // Timing is reported, not asserted (a shared machine's load decides it); PGlite runs on this thread, so its CPU
    // time is the cost of the load itself.
    console.log(
      `demo pharmacies: ${JSON.stringify(r)}, rate ${rate!.rate} %, ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU`,
    );
  } finally {
    await t.close();
  }
});
