import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { loadDemoEntities } from '../../demo/demo-entities-load.ts';
import { EXACT_TOTAL_LIMIT } from './list.ts';

type Page = { items: { id: number; stationId: number }[]; total: number; totalIsEstimate: boolean };

describe('list totals: exact up to the limit, the planner’s estimate beyond it', () => {
  let app: TestApp;
  let admin: ApiClient;
  before(async () => {
    app = await startTestApp();
    const stations = await app.testDb.db.query<{ id: number; code: string; regionCodes: string[] }>(
      `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' ORDER BY id`,
    );
    await loadDemoEntities(app.testDb.db, { entities: 2 * EXACT_TOTAL_LIMIT, stations, pii: app.services.pii });
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  test('a large result is flagged as an estimate, close to the real count', async () => {
    const page = (await admin.get<Page>('/api/v1/entities?limit=5')).body;
    assert.equal(page.totalIsEstimate, true);
    assert.ok(Math.abs(page.total - 2 * EXACT_TOTAL_LIMIT) / (2 * EXACT_TOTAL_LIMIT) < 0.2, String(page.total));
  });

  test('a small result is counted exactly; a station chief’s scope applies to items and total', async () => {
    const chief = await loginAs(app, 's03.chief');
    const page = (await chief.get<Page>('/api/v1/entities?limit=200')).body;
    const [{ n }] = (await app.testDb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities e JOIN org_units o ON o.id = e.station_id WHERE o.code = 's03'`,
    )) as [{ n: number }];
    assert.equal(page.totalIsEstimate, n > EXACT_TOTAL_LIMIT);
    if (!page.totalIsEstimate) assert.equal(page.total, n);
    const s03 = page.items[0]!.stationId;
    assert.ok(page.items.every((e) => e.stationId === s03));
  });
});
