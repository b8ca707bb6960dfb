import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertNamedEntities } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { EXACT_TOTAL_LIMIT } from './list.ts';

type Page = {
  items: { id: number; stationId: number; name: string }[];
  nextCursor: string | null;
  total: number;
  totalIsEstimate: boolean;
  totalIsCapped: boolean;
};

/**
 * The planner's estimates come from statistics of the whole register: for a station chief they counted other
 * stations' names. Here 测试 is only in 大沥 (s02) names, 样本 in many s02 names and a few s01 ones, and s01 holds
 * most of the register, so the statistics expect thousands of 测试 and 样本 in s01.
 */
describe('totals count only what the caller may see', () => {
  let app: TestApp;
  let chief: ApiClient;
  let admin: ApiClient;
  let s01: number;

  before(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    await insertNamedEntities(db, { stationCode: 's01', count: 12_000, prefix: '普通', suffix: '商行' });
    await insertNamedEntities(db, { stationCode: 's02', count: 6_000, prefix: '测试样本', suffix: '商行' });
    await insertNamedEntities(db, { stationCode: 's01', count: 30, prefix: '样本', suffix: '号' });
    // Statistics as a live register has them: the estimate path of the search is taken.
    await db.exec('ANALYZE entities');
    chief = await loginAs(app, 's01.chief');
    admin = await loginAs(app, 'admin');
    [{ id: s01 }] = (await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`)) as [{ id: number }];
  });
  after(() => app.close());

  const search = async (as: ApiClient, q: string, cursor?: string) => {
    const res = await as.get<Page>(
      `/api/v1/entities?q=${encodeURIComponent(q)}&limit=20${cursor ? `&cursor=${cursor}` : ''}`,
    );
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  test('a fragment only another station’s names hold: total 0, not an estimate', async () => {
    const page = await search(chief, '测试');
    assert.deepEqual(
      [page.items.length, page.total, page.totalIsEstimate, page.totalIsCapped],
      [0, 0, false, false],
      JSON.stringify(page),
    );
  });

  test('a fragment in both stations: exactly the caller’s matches', async () => {
    const page = await search(chief, '样本');
    assert.equal(page.totalIsEstimate, false);
    assert.equal(page.total, 30);
    assert.equal(page.items.length, 20);
    assert.ok(page.items.every((e) => e.stationId === s01 && e.name.includes('样本')));
    const next = await search(chief, '样本', page.nextCursor!);
    assert.equal(next.items.length, 10);
    assert.deepEqual([next.total, next.totalIsEstimate, next.nextCursor], [30, false, null]);
  });

  test('beyond the cap a scoped caller gets "more than" the cap, never an estimate; pages still walk', async () => {
    const first = await search(chief, '普通');
    assert.deepEqual([first.total, first.totalIsEstimate, first.totalIsCapped], [EXACT_TOTAL_LIMIT, false, true]);
    const second = await search(chief, '普通', first.nextCursor!);
    assert.deepEqual([second.total, second.totalIsCapped], [EXACT_TOTAL_LIMIT, true]);
    const ids = [...first.items, ...second.items].map((e) => e.id);
    assert.equal(new Set(ids).size, 40);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => b - a),
      'newest first across pages',
    );
    const [newest] = await app.testDb.db.query<{ id: number }>(
      `SELECT max(id)::int AS id FROM entities WHERE station_id = $1 AND name LIKE '普通%'`,
      [s01],
    );
    assert.equal(first.items[0]!.id, newest!.id);
    // The whole station's register, no search: the same cap.
    const all = await chief.get<Page>('/api/v1/entities?limit=5');
    assert.deepEqual(
      [all.body.total, all.body.totalIsEstimate, all.body.totalIsCapped],
      [EXACT_TOTAL_LIMIT, false, true],
    );
  });

  test('a caller who sees the whole register still gets the planner’s estimate for a frequent fragment', async () => {
    const page = await search(admin, '测试');
    assert.equal(page.totalIsEstimate, true);
    assert.equal(page.totalIsCapped, false);
    assert.ok(Math.abs(page.total - 6_000) / 6_000 < 0.3, String(page.total));
  });
});
