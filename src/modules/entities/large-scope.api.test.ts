import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertNamedEntities } from '../../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityListQuery } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { findActorRow } from '../auth/repo.ts';
import { actorFromRow } from '../auth/service.ts';
import { COUNT_SKIP_FROM, EXACT_TOTAL_LIMIT, listEntityPage } from './list.ts';
import { toSummary } from './view.ts';

/** The real database, every statement's text kept: which queries a page costs, not how long they take. */
function recording(db: Queryable): Queryable & { statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    query: (sql, params) => {
      statements.push(sql);
      return db.query(sql, params);
    },
  };
}

/** Statements that count matches (a capped count, the index plan’s counted page); not the samples of pages or runs. */
const counts = (sql: string[]) =>
  sql.filter((s) => (/count\(\*\)/.test(s) && !/TABLESAMPLE|sample_windows/.test(s)) || /AS MATERIALIZED/.test(s));

/**
 * A station larger than COUNT_SKIP_FROM (大沥 s01 here; 2.5 M each in the province bench): its pages and its frequent
 * fragments are not counted row by row — the planner's estimate of the station, or the walk's density, says "more
 * than the cap" — while a small station and a rare fragment are still counted exactly.
 */
describe('a large station is not counted to the cap on every page', () => {
  let app: TestApp;
  let chief: Actor;
  let admin: Actor;
  let s01: number;

  before(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    await insertNamedEntities(db, { stationCode: 's01', count: 40, prefix: '稀有', suffix: '号' });
    await insertNamedEntities(db, {
      stationCode: 's01',
      count: COUNT_SKIP_FROM + 5_000,
      prefix: '普通',
      suffix: '商行',
    });
    await insertNamedEntities(db, { stationCode: 's02', count: 300, prefix: '测试', suffix: '商行' });
    await db.exec('ANALYZE entities');
    chief = actorFromRow((await findActorRow(db, { username: 's01.chief' }))!, null);
    admin = actorFromRow((await findActorRow(db, { username: 'admin' }))!, null);
    [{ id: s01 }] = (await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`)) as [{ id: number }];
  });
  after(() => app.close());

  async function page(actor: Actor, q: Partial<TEntityListQuery>) {
    const db = recording(app.testDb.db);
    const result = await listEntityPage(db, actor, { limit: 20, ...q }, toSummary);
    return { ...result, statements: db.statements };
  }

  test('the station chief’s pages: "more than the cap" without a count, page 2 follows page 1', async () => {
    const first = await page(chief, {});
    assert.deepEqual([first.total, first.totalIsCapped, first.totalIsEstimate], [EXACT_TOTAL_LIMIT, true, false]);
    assert.deepEqual(counts(first.statements), []);
    const second = await page(chief, { cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((e) => e.id);
    const expected = await app.testDb.db.query<{ id: number }>(
      'SELECT id FROM entities WHERE station_id = $1 ORDER BY id DESC LIMIT 40',
      [s01],
    );
    assert.deepEqual(
      ids,
      expected.map((r) => r.id),
    );
  });

  test('the district filtering by the station: the planner’s estimate, no count', async () => {
    const first = await page(admin, { stationId: s01 });
    assert.equal(first.totalIsEstimate, true);
    assert.ok(Math.abs(first.total - (COUNT_SKIP_FROM + 5_040)) / COUNT_SKIP_FROM < 0.2, String(first.total));
    assert.deepEqual(counts(first.statements), []);
  });

  test('a frequent fragment in the station: walked, "more than the cap", no count, no GIN bitmap', async () => {
    const first = await page(chief, { q: '普通' });
    assert.deepEqual([first.total, first.totalIsCapped], [EXACT_TOTAL_LIMIT, true]);
    assert.deepEqual(counts(first.statements), []);
    assert.ok(first.items.every((e) => e.stationId === s01 && e.name.includes('普通')));
    const second = await page(chief, { q: '普通', cursor: first.nextCursor! });
    const ids = [...first.items, ...second.items].map((e) => e.id);
    const expected = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM entities WHERE station_id = $1 AND name LIKE '%普通%' ORDER BY id DESC LIMIT 40`,
      [s01],
    );
    assert.deepEqual(
      ids,
      expected.map((r) => r.id),
    );
  });

  test('a batch of one name among the newest rows is counted, not extrapolated to the station', async () => {
    await insertNamedEntities(app.testDb.db, { stationCode: 's01', count: 60, prefix: '新批', suffix: '合作社' });
    const batch = await page(chief, { q: '新批' });
    assert.deepEqual([batch.total, batch.totalIsCapped, batch.totalIsEstimate], [60, false, false]);
  });

  test('a rare fragment and one only another station holds are counted exactly', async () => {
    const rare = await page(chief, { q: '稀有' });
    assert.deepEqual([rare.total, rare.totalIsCapped, rare.totalIsEstimate, rare.items.length], [40, false, false, 20]);
    const elsewhere = await page(chief, { q: '测试' });
    assert.deepEqual([elsewhere.total, elsewhere.totalIsCapped, elsewhere.items.length], [0, false, 0]);
  });
});
