import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TRollupComplaintMonths, TRollupRegions } from '../../contracts/rollup.ts';

/**
 * GET /api/v1/rollup/regions on a database that subscribes to no city (every city install, and PGlite): an empty,
 * well-formed answer for a leader; refused without screen:read. The figures themselves are proved against two
 * replicating cities in replication.test.ts.
 */
describe('rollup: the province figures endpoint', () => {
  let app: TestApp;

  before(async () => {
    app = await startTestApp();
  });
  after(async () => app.close());

  test('a leader sees that no city is subscribed; an inspector is refused', async () => {
    const leader = await loginAs(app, 'leader');
    const res = await leader.get<TRollupRegions>('/api/v1/rollup/regions');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { configured: false, cities: [] });
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get('/api/v1/rollup/regions')).status, 403);
  });

  test('12315 per month and the export answer without cities too; the months are validated', async () => {
    const leader = await loginAs(app, 'leader');
    const months = await leader.get<TRollupComplaintMonths>('/api/v1/rollup/regions/complaints-by-month?months=6');
    assert.equal(months.status, 200, JSON.stringify(months.body));
    assert.equal(months.body.configured, false);
    assert.equal(months.body.months.length, 6);
    assert.deepEqual(months.body.cities, []);
    assert.equal((await leader.get('/api/v1/rollup/regions/complaints-by-month?months=0')).status, 422);
    assert.equal((await leader.get('/api/v1/rollup/regions/complaints-by-month?months=x')).status, 422);
    const file = await fetch(`${app.baseUrl}/api/v1/rollup/regions/export`, { headers: { cookie: leader.cookie } });
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.equal((await file.arrayBuffer()).byteLength > 0, true);
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get('/api/v1/rollup/regions/complaints-by-month')).status, 403);
    assert.equal((await inspector.get('/api/v1/rollup/regions/export')).status, 403);
  });
});
