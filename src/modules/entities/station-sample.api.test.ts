import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertNamedEntities } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

/**
 * A station chief's walked search is sized from 5 runs of the station's rows spread over its id range. A batch of
 * one name among the newest rows (an import) fills the newest run only: extrapolated, its share of that run would
 * put it at thousands across the station; seen in fewer than 4 of the 5 runs, it is counted instead.
 */
describe('a batch of one name among a station’s newest rows is counted, not extrapolated', () => {
  let app: TestApp;
  let chief: ApiClient;

  before(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    await insertNamedEntities(db, { stationCode: 's01', count: 40_000, prefix: '普通', suffix: '商行' });
    await insertNamedEntities(db, { stationCode: 's01', count: 400, prefix: '批量', suffix: '号' });
    await db.exec('ANALYZE entities');
    chief = await loginAs(app, 's01.chief');
  });
  after(() => app.close());

  test('the newest 400 rows all match: total 400, exact', async () => {
    const res = await chief.get<{
      items: { name: string }[];
      total: number;
      totalIsEstimate: boolean;
      totalIsCapped: boolean;
    }>(`/api/v1/entities?q=${encodeURIComponent('批量')}&limit=20`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.items.length, 20);
    assert.deepEqual([res.body.total, res.body.totalIsEstimate, res.body.totalIsCapped], [400, false, false]);
  });
});
