import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../tests/helpers/factories.ts';
import { loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { loadDemoComplaints } from './demo-complaints.ts';

describe('demo 12315 items', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    const admin = await loginAs(app, 'admin');
    const [s] = await app.testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's03'`);
    for (let i = 0; i < 5; i++) await admin.post('/api/v1/entities', makeEntity({ stationId: s!.id }));
  });
  after(() => app.close());

  test('three years at the given rate, growing, with consistent workflow history', async () => {
    const { complaints } = await loadDemoComplaints(app.testDb.db, { perYear: 300, today: '2026-11-25' });
    const byYear = await app.testDb.db.query<{ y: number; n: number }>(
      `SELECT extract(year FROM received_on)::int AS y, count(*)::int AS n FROM complaints GROUP BY 1 ORDER BY 1`,
    );
    assert.deepEqual(
      byYear.map((r) => r.y),
      [2024, 2025, 2026],
    );
    assert.equal(
      byYear.reduce((a, r) => a + r.n, 0),
      complaints,
    );
    assert.ok(byYear[1]!.n > byYear[0]!.n * 1.4, 'year-on-year growth as in seed 001');
    const inconsistent = await app.testDb.db.query(
      `SELECT c.id FROM complaints c WHERE c.status <> (SELECT e.to_status FROM complaint_events e WHERE e.complaint_id = c.id ORDER BY e.at DESC, e.id DESC LIMIT 1)`,
    );
    assert.equal(inconsistent.length, 0);
    const noClock = await app.testDb.db.query(
      `SELECT id FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM complaint_deadlines d WHERE d.complaint_id = c.id)`,
    );
    assert.equal(noClock.length, 0);
    const [recovered] = await app.testDb.db.query<{ fen: number }>(
      `SELECT sum(recovered_fen)::bigint AS fen FROM complaints`,
    );
    assert.ok(recovered!.fen > 0);
    await app.services.complaintAnalysis.rebuildStats();
    const [stats] = await app.testDb.db.query<{ n: number }>(
      'SELECT sum(received)::int AS n FROM complaint_monthly_stats',
    );
    assert.equal(stats!.n, complaints);
  });
});
