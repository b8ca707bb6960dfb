import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntitySummary } from '../../contracts/entities.ts';
import { decodeCursor, encodeCursor, escapeLike } from '../../db/sql.ts';
import { loadDemoEntities } from '../../demo/demo-entities-load.ts';
import { bigrams } from '../../domain/bigrams.ts';
import type { Actor } from '../../platform/actor.ts';
import { findActorRow } from '../auth/repo.ts';
import { actorFromRow } from '../auth/service.ts';
import { chooseNamePlan, entitySelection, WALK_ROW_BUDGET, walkCovered } from './list.ts';
import { estimateNameMatches, walkIsCovered, walkNewestMatches } from './list-repo.ts';
import { estimateEntities, listEntities, listEntitiesCounted } from './repo.ts';

type Page = { items: TEntitySummary[]; nextCursor: string | null; total: number; totalIsEstimate: boolean };

test('frequent fragments walk the primary key, rare ones use the bigram index', () => {
  assert.equal(chooseNamePlan(100_000, 1_500_000, 20), 'walk');
  assert.equal(chooseNamePlan(3_000, 1_500_000, 20), 'walk');
  assert.equal(chooseNamePlan(300, 1_500_000, 20), 'index');
  assert.equal(chooseNamePlan(0, 1_500_000, 20), 'index');
  // The boundary: one page may read up to the budget.
  assert.equal(chooseNamePlan((21 * 1_500_000) / WALK_ROW_BUDGET, 1_500_000, 20), 'walk');
});

describe('name search plans return the same rows, inside the caller’s scope', () => {
  const fragments = ['餐饮', '五金', '有限公司', '里水', '大药房', '贸易有限', '不存在的名称'];
  let app: TestApp;
  let admin: Actor;
  let chief: Actor;
  let chiefApi: ApiClient;
  let adminApi: ApiClient;

  before(async () => {
    app = await startTestApp();
    const stations = await app.testDb.db.query<{ id: number; code: string; regionCodes: string[] }>(
      `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' ORDER BY id`,
    );
    await loadDemoEntities(app.testDb.db, { entities: 8_000, stations, pii: app.services.pii });
    admin = actorFromRow((await findActorRow(app.testDb.db, { username: 'admin' }))!, null);
    chief = actorFromRow((await findActorRow(app.testDb.db, { username: 's03.chief' }))!, null);
    chiefApi = await loginAs(app, 's03.chief');
    adminApi = await loginAs(app, 'admin');
  });
  after(() => app.close());

  /** Ground truth without the bigram index: a plain LIKE in the caller's station(s), newest first. */
  async function truth(actor: Actor, fragment: string, status?: string): Promise<number[]> {
    const rows = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM entities WHERE name LIKE $1 AND ($2::bigint[] IS NULL OR station_id = ANY($2))
          AND ($3::text IS NULL OR status = $3) ORDER BY id DESC`,
      [`%${escapeLike(fragment)}%`, actor.dataScope === 'all' ? null : actor.scopeUnitIds, status ?? null],
    );
    return rows.map((r) => r.id);
  }

  test('walk, index and the counted index page agree with a plain LIKE for every fragment and caller', async () => {
    const db = app.testDb.db;
    let nonEmpty = 0;
    for (const actor of [admin, chief]) {
      for (const fragment of fragments) {
        for (const status of [undefined, 'active'] as const) {
          const q = { q: fragment, status };
          const expected = await truth(actor, fragment, status);
          if (expected.length) nonEmpty++;
          const label = `${actor.username} ${fragment} ${status ?? ''}`;
          for (const plan of ['walk', 'index'] as const) {
            const ids = (await listEntities(db, entitySelection(actor, q, { plan }), 100_000)).map((r) => r.id);
            assert.deepEqual(ids, expected, `${label} ${plan}`);
          }
          // The index plan probing any one of the bigrams: the LIKE recheck decides.
          for (const [i] of bigrams(fragment).entries()) {
            const probed = await listEntities(db, entitySelection(actor, q, { plan: 'index', probe: [i] }), 100_000);
            assert.deepEqual(
              probed.map((r) => r.id),
              expected,
              `${label} probe ${i}`,
            );
          }
          const counted = await listEntitiesCounted(db, entitySelection(actor, q, { plan: 'index' }), 21);
          assert.deepEqual(
            counted.rows.map((r) => r.id),
            expected.slice(0, 21),
            `${label} counted`,
          );
          assert.equal(counted.matches, expected.length, `${label} matches`);
        }
      }
    }
    assert.ok(nonEmpty >= 8, `too few fragments match the demo data: ${nonEmpty}`);
  });

  /** Every page of a search through the API, first to last. */
  async function allPages(api: ApiClient, fragment: string, limit: number): Promise<Page[]> {
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/entities?q=${encodeURIComponent(fragment)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { status: number; body: Page } = await api.get<Page>(url);
      assert.equal(res.status, 200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor);
    return pages;
  }

  test('a frequent fragment (estimated total, primary-key walk) pages through every match once', async () => {
    const expected = await truth(admin, '公司');
    assert.ok(expected.length > 2_800, String(expected.length));
    const pages = await allPages(adminApi, '公司', 200);
    assert.deepEqual(
      pages.flatMap((p) => p.items.map((e) => e.id)),
      expected,
    );
    assert.equal(pages[0]!.totalIsEstimate, true);
    assert.ok(Math.abs(pages[0]!.total - expected.length) / expected.length < 0.3, String(pages[0]!.total));
    assert.ok(pages.every((p) => p.total === pages[0]!.total && p.totalIsEstimate));
  });

  test('a cursor carries the probed bigrams; a forged list falls back to every bigram, the same page', async () => {
    const first = await adminApi.get<Page>(`/api/v1/entities?q=${encodeURIComponent('有限公司')}&limit=5`);
    const [key, total, kind] = decodeCursor(first.body.nextCursor!)!;
    const pages = [];
    // Plan 0 (index), probing one bigram, a forged list and none.
    for (const probe of [[2], ['x'], [999], 'drop']) {
      const cursor = encodeCursor([key, total, kind, 0, ...(probe === 'drop' ? [] : [probe])]);
      const res = await adminApi.get<Page>(
        `/api/v1/entities?q=${encodeURIComponent('有限公司')}&limit=5&cursor=${cursor}`,
      );
      assert.equal(res.status, 200, JSON.stringify(res.body));
      pages.push(res.body.items.map((e) => e.id));
    }
    const expected = (await truth(admin, '有限公司')).filter((id) => id < (key as number)).slice(0, 5);
    for (const page of pages) assert.deepEqual(page, expected);
  });

  test('a station chief pages through a search: every match once, own station only, one total', async () => {
    const expected = await truth(chief, '有限公司');
    assert.ok(expected.length > 40, String(expected.length));
    const seen: number[] = [];
    const pages: Page[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/entities?q=${encodeURIComponent('有限公司')}&limit=20${cursor ? `&cursor=${cursor}` : ''}`;
      const res: { status: number; body: Page } = await chiefApi.get<Page>(url);
      assert.equal(res.status, 200);
      pages.push(res.body);
      seen.push(...res.body.items.map((e) => e.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    const first = pages[0]!;
    assert.ok(pages.length > 2);
    for (const page of pages) {
      assert.equal(page.total, first.total);
      assert.equal(page.totalIsEstimate, first.totalIsEstimate);
      assert.ok(page.items.every((e) => e.stationId === chief.unitId));
    }
    assert.deepEqual(seen, expected);
    if (!first.totalIsEstimate) assert.equal(first.total, expected.length);
  });

  test('a fragment is estimated by its rarest bigram: an upper bound where the planner multiplies', async () => {
    const db = app.testDb.db;
    for (const fragment of ['有限公司', '贸易有限', '大药房']) {
      const s = entitySelection(admin, { q: fragment });
      const [upper, product, matches] = [
        await estimateNameMatches(db, s),
        await estimateEntities(db, s),
        (await truth(admin, fragment)).length,
      ];
      assert.ok(upper >= product, `${fragment}: ${upper} < ${product}`);
      // ANALYZE sampled every row here: the rarest bigram's frequency is at least the fragment's.
      assert.ok(upper >= matches * 0.9, `${fragment}: ${upper} < ${matches}`);
    }
  });

  test('only a walk of the whole register without filters reads the id and name index alone', () => {
    assert.equal(walkIsCovered(entitySelection(admin, { q: '餐饮' })), true);
    assert.equal(walkIsCovered(entitySelection(admin, { q: '餐饮' }, { beforeId: 100 })), true);
    assert.equal(walkIsCovered(entitySelection(admin, { q: '餐饮', status: 'active' })), false);
    assert.equal(walkIsCovered(entitySelection(chief, { q: '餐饮' })), false);
  });

  test('the walk of the id and name index counts the rows it read by their ids', async () => {
    const db = app.testDb.db;
    const walk = await walkNewestMatches(db, entitySelection(admin, { q: '有限公司' }), 21, 20_000);
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities WHERE id >= $1', [
      walk.ids.at(-1),
    ])) as [{ n: number }];
    // Ids come from one identity sequence: its gaps only make the span larger than the rows.
    assert.ok(walk.rowsRead >= n && walk.rowsRead <= n + 100, `${walk.rowsRead} rows read, ${n} rows`);
  });

  test('a covered walk short of a page goes on from the last row it read, when cheaper than the index', async () => {
    const db = app.testDb.db;
    const s = entitySelection(admin, { q: '有限公司' });
    const expected = await truth(admin, '有限公司');
    const newest = (await listEntities(db, entitySelection(admin, {}), 40)).map((r) => r.id);
    const inProbe = expected.filter((id) => id >= newest.at(-1)!);
    assert.ok(inProbe.length > 0 && inProbe.length < 21, `${inProbe.length} matches among the 40 newest`);
    // A scouting walk of 40 rows finds some; the density says the rest is near: it goes on, no match twice, none skipped.
    const on = await walkCovered(db, s, 21, false, 8_000, { read: 5_000, scout: 40 });
    assert.deepEqual(on.ids, expected.slice(0, 21));
    assert.ok(on.rowsRead > 40, String(on.rowsRead));
    // The same scouting walk where the density implies fewer matches than the walk would cost rows: it stops short.
    const stop = await walkCovered(db, s, 21, false, 1, { read: 5_000, scout: 40 });
    assert.deepEqual(stop, { ids: inProbe, rowsRead: 40 });
    // Chosen, it reads its whole budget first.
    assert.deepEqual(
      (await walkCovered(db, s, 21, true, 8_000, { read: 5_000, scout: 40 })).ids,
      expected.slice(0, 21),
    );
  });

  test('the walk reads at most its budget of the selection’s newest rows', async () => {
    const db = app.testDb.db;
    for (const actor of [admin, chief]) {
      const expected = await truth(actor, '有限公司');
      const full = await walkNewestMatches(db, entitySelection(actor, { q: '有限公司' }), 21, 20_000);
      assert.deepEqual(full.ids, expected.slice(0, 21));
      assert.ok(full.rowsRead >= 21 && full.rowsRead <= 20_000, String(full.rowsRead));
      const newest = await listEntities(db, entitySelection(actor, {}), 30);
      const short = await walkNewestMatches(db, entitySelection(actor, { q: '有限公司' }), 21, 30);
      const inWindow = new Set(newest.map((r) => r.id));
      assert.ok(short.ids.length < 21 && short.ids.every((id) => inWindow.has(id)), JSON.stringify(short));
      assert.deepEqual(
        short.ids,
        expected.filter((id) => inWindow.has(id)),
      );
    }
  });

  test('a USCC prefix lists in code order: page after page, no duplicate, no gap, for each caller', async () => {
    const [{ uscc }] = (await app.testDb.db.query<{ uscc: string }>(
      `SELECT uscc FROM entities WHERE station_id = $1 ORDER BY id LIMIT 1`,
      [chief.unitId],
    )) as [{ uscc: string }];
    for (const [actor, api] of [
      [admin, adminApi],
      [chief, chiefApi],
    ] as const) {
      for (const length of [6, 8]) {
        const prefix = uscc.slice(0, length);
        const expected = await app.testDb.db.query<{ id: number }>(
          `SELECT id FROM entities WHERE uscc LIKE $1 AND ($2::bigint[] IS NULL OR station_id = ANY($2)) ORDER BY uscc`,
          [`${prefix}%`, actor.dataScope === 'all' ? null : actor.scopeUnitIds],
        );
        assert.ok(expected.length > 45, `${prefix}: ${expected.length}`);
        const pages = await allPages(api, prefix.toLowerCase(), 20);
        assert.ok(pages.length >= 3);
        const ids = pages.flatMap((p) => p.items.map((e) => e.id));
        assert.deepEqual(
          ids,
          expected.map((r) => r.id),
          `${actor.username} ${prefix}`,
        );
        const codes = pages.flatMap((p) => p.items.map((e) => e.uscc));
        assert.deepEqual(codes, [...codes].sort(), 'code order');
        assert.ok(pages.every((p) => p.total === pages[0]!.total));
        if (expected.length <= 1_000 && !pages[0]!.totalIsEstimate) assert.equal(pages[0]!.total, expected.length);
      }
    }
  });

  test('a newest-first cursor is refused on a code-ordered search, and the reverse', async () => {
    const byId = await adminApi.get<Page>('/api/v1/entities?limit=5');
    const byCode = await adminApi.get<Page>('/api/v1/entities?q=9144&limit=5');
    assert.ok(byId.body.nextCursor && byCode.body.nextCursor);
    const a = await adminApi.get(`/api/v1/entities?q=9144&limit=5&cursor=${byId.body.nextCursor}`);
    const b = await adminApi.get(`/api/v1/entities?limit=5&cursor=${byCode.body.nextCursor}`);
    assert.deepEqual([a.status, b.status], [422, 422]);
  });

  test('a cursor that is not one of ours is refused with 422 on cursor', async () => {
    const res = await chiefApi.get<{ errors: { path: string }[] }>('/api/v1/entities?cursor=bm90LWpzb24');
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0]?.path, 'cursor');
  });
});
