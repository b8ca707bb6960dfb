import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addGrade, addInspection, addReply, makeFoodBusiness } from '../../../tests/helpers/food-public-fixtures.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type {
  THonourListDetail,
  THonourMonthStatus,
  TOpenGrade,
  TPublicFoodBusiness,
  TPublicFoodDetail,
  TPublicHonourList,
} from '../../contracts/food-public.ts';
import type { TInbox, TInboxItem } from '../../contracts/inbox.ts';
import { decodeCursor } from '../../db/sql.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { makeUscc } from '../../domain/uscc.ts';
import { lastMonth } from './services/honour.ts';

type Problem = { detail: string; errors: { path: string; message: string }[] };
type Page<T> = { items: T[]; nextCursor: string | null; next?: string | null };

const today = shanghaiToday();
const month = lastMonth(today);
const monthsBack = (n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 12)).toISOString().slice(0, 10);
};

describe('红黑榜 and the public food pages: rules, approval, publication, search, open data', () => {
  let app: TestApp;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  const anon = () => new ApiClient(app.baseUrl);
  const b = {} as Record<
    'star' | 'twoFails' | 'ungraded' | 'serious' | 'good' | 'workshop' | 'other',
    { id: number; stationId: number }
  >;
  let starGrade = 0;
  let listId = 0;

  before(async () => {
    // Day 1: every day of a month is past the publishing day, so a station without a published list is in the inbox.
    app = await startTestApp({ env: { FOOD_HONOUR_PUBLISH_BY_DAY: '1' } });
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    const db = app.testDb.db;
    b.star = await makeFoodBusiness(db, { station: 's01', name: '笑脸示范餐厅', address: '桂城街道南海大道1号' });
    b.twoFails = await makeFoodBusiness(db, { station: 's01', name: '两次不符合小吃店' });
    b.ungraded = await makeFoodBusiness(db, { station: 's01', name: '不予评级快餐店' });
    b.serious = await makeFoodBusiness(db, { station: 's01', name: '严重违法烧腊店' });
    b.good = await makeFoodBusiness(db, { station: 's01', name: '良好等级面馆' });
    b.workshop = await makeFoodBusiness(db, { station: 's01', name: '优秀糕点小作坊', workshop: true });
    b.other = await makeFoodBusiness(db, { station: 's02', name: '他所优秀餐厅' });
    await addInspection(db, b.star, { on: monthsBack(14), result: 'fail', score: 70 });
    await addInspection(db, b.star, { on: monthsBack(8), result: 'pass', score: 92 });
    await addInspection(db, b.star, { on: monthsBack(2), result: 'pass', score: 95 });
    starGrade = await addGrade(db, b.star.id, { grade: 'excellent', on: monthsBack(2) });
    await addGrade(db, b.star.id, { kind: 'annual', grade: 'A', on: monthsBack(2), year: 2025 });
    await addInspection(db, b.twoFails, { on: monthsBack(8), result: 'fail', score: 70 });
    await addInspection(db, b.twoFails, { on: monthsBack(3), result: 'fail', score: 72 });
    await addGrade(db, b.twoFails.id, { grade: 'fair', on: monthsBack(3) });
    await addGrade(db, b.ungraded.id, { grade: 'none', on: monthsBack(1) });
    await addInspection(db, b.serious, { on: monthsBack(4), result: 'fail', score: 45 });
    await addGrade(db, b.good.id, { grade: 'good', on: monthsBack(1) });
    await addInspection(db, b.workshop, { on: monthsBack(7), result: 'pass', score: 93 });
    await addInspection(db, b.workshop, { on: monthsBack(1), result: 'pass', score: 96 });
    await addGrade(db, b.workshop.id, { grade: 'excellent', on: monthsBack(1) });
    await addGrade(db, b.other.id, { grade: 'excellent', on: monthsBack(1) });
    // A grade after the month's end does not count for that month's list.
    await addGrade(db, b.good.id, { grade: 'excellent', on: today });
    await addReply(db, b.star.id, starGrade, '已按要求整改，欢迎监督。', true);
    await addReply(db, b.twoFails.id, starGrade, '这条回应尚未公开', false);
  });
  after(() => app.close());

  test('a draft lists businesses by the rules: red, black with reasons, workshops apart, later grades ignored', async () => {
    const res = await inspector.post<THonourListDetail>('/api/v1/food/honour-lists', {
      stationId: b.star.stationId,
      month,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    listId = res.body.id;
    assert.equal(res.body.status, 'draft');
    const by = new Map(res.body.entries.map((e) => [e.businessId, e]));
    assert.equal(by.get(b.star.id)?.board, 'red', 'a fail 14 months ago is outside the window');
    assert.equal(by.get(b.twoFails.id)?.board, 'black');
    assert.match(by.get(b.twoFails.id)!.reasons.join(), /2次不符合/);
    assert.equal(by.get(b.ungraded.id)?.board, 'black');
    assert.match(by.get(b.ungraded.id)!.reasons.join(), /不予评级/);
    assert.equal(by.get(b.serious.id)?.board, 'black');
    assert.match(by.get(b.serious.id)!.reasons.join(), /严重/);
    assert.equal(by.has(b.good.id), false, 'good at the month end: on neither board');
    assert.deepEqual([by.get(b.workshop.id)?.board, by.get(b.workshop.id)?.segment], ['red', 'workshop']);
    assert.equal(by.has(b.other.id), false, 'another station');
    assert.equal(res.body.redCount, 2);
    assert.equal(res.body.blackCount, 3);
    const audit = await app.testDb.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'food.honour.draft' AND target_id = $1",
      [String(listId)],
    );
    assert.equal(audit[0]!.n, 1);
  });

  test('bad input: a second draft 409, a future or malformed month and a missing reason 4xx naming the field', async () => {
    const again = await chief.post<Problem>('/api/v1/food/honour-lists', { stationId: b.star.stationId, month });
    assert.equal(again.status, 409);
    const future = await chief.post<Problem>('/api/v1/food/honour-lists', {
      stationId: b.star.stationId,
      month: today.slice(0, 7),
    });
    assert.equal(future.status, 422);
    assert.equal(future.body.errors[0]!.path, 'month');
    const malformed = await chief.post<Problem>('/api/v1/food/honour-lists', {
      stationId: b.star.stationId,
      month: '2026-13',
    });
    assert.equal(malformed.status, 422);
    assert.equal(malformed.body.errors[0]!.path, 'month');
    assert.match(malformed.body.errors[0]!.message, /月份/);
    const list = (await chief.get<THonourListDetail>(`/api/v1/food/honour-lists/${listId}`)).body;
    const entry = list.entries.find((e) => e.businessId === b.serious.id)!;
    const noReason = await chief.post<Problem>(`/api/v1/food/honour-lists/${listId}/entries/${entry.id}/remove`, {
      version: list.version,
      reason: '',
    });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.errors[0]!.path, 'reason');
    assert.match(noReason.body.errors[0]!.message, /理由/);
    const badCursor = await anon().get<Problem>('/api/open/v1/food/grades?cursor=nonsense');
    assert.equal(badCursor.status, 422);
    assert.equal(badCursor.body.errors[0]!.path, 'cursor');
    const shortQ = await anon().get<Problem>('/api/v1/public/food/businesses?q=a');
    assert.ok([400, 422].includes(shortQ.status));
    assert.equal(shortQ.body.errors[0]!.path, 'q');
  });

  test('access: an inspector cannot approve (403), another station chief cannot see it (404)', async () => {
    const list = (await chief.get<THonourListDetail>(`/api/v1/food/honour-lists/${listId}`)).body;
    const byInspector = await inspector.post(`/api/v1/food/honour-lists/${listId}/approve`, { version: list.version });
    assert.equal(byInspector.status, 403);
    const byOther = await otherChief.post(`/api/v1/food/honour-lists/${listId}/approve`, { version: list.version });
    assert.equal(byOther.status, 404);
    assert.equal((await otherChief.get(`/api/v1/food/honour-lists/${listId}`)).status, 404);
    const publishEarly = await chief.post(`/api/v1/food/honour-lists/${listId}/publish`, { version: list.version });
    assert.equal(publishEarly.status, 409, 'publish before approval');
  });

  test('month status: the chief sees their station, the district every one; the inbox asks the chief', async () => {
    const mine = await chief.get<THonourMonthStatus>('/api/v1/food/honour-lists/month-status');
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.equal(mine.body.month, month, 'default: last month');
    assert.deepEqual(
      mine.body.stations.map((s) => [s.stationId, s.status, s.listId]),
      [[b.star.stationId, 'draft', listId]],
    );
    const admin = await loginAs(app, 'admin');
    const district = (await admin.get<THonourMonthStatus>(`/api/v1/food/honour-lists/month-status?month=${month}`))
      .body;
    assert.ok(district.stations.length > 1);
    assert.equal(district.stations.find((s) => s.stationId === b.other.stationId)?.status, 'none');
    const future = await chief.get<Problem>(`/api/v1/food/honour-lists/month-status?month=${today.slice(0, 7)}`);
    assert.equal(future.status, 422);
    assert.equal(future.body.errors[0]!.path, 'month');
    const older = await chief.get<THonourMonthStatus>(
      `/api/v1/food/honour-lists/month-status?month=${monthsBack(3).slice(0, 7)}`,
    );
    assert.equal(older.body.stations[0]?.status, 'none');

    const box = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    const honour = (g: TInboxItem[]) => g.filter((i) => i.module === 'food-honour');
    assert.deepEqual(
      honour(box.groups.approvals).map((i) => [i.kind, i.id]),
      [['approve', listId]],
    );
    const late = [...honour(box.groups.overdue), ...honour(box.groups.dueToday)];
    assert.deepEqual(
      late.map((i) => [i.kind, i.id]),
      [['unpublished', b.star.stationId]],
    );
    const other = (await otherChief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.equal(honour(other.groups.approvals).length, 0, "another station's draft is not theirs");
    assert.deepEqual(
      [...honour(other.groups.overdue), ...honour(other.groups.dueToday)].map((i) => i.id),
      [b.other.stationId],
    );
    const insp = (await inspector.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(!insp.modules.includes('food-honour'), 'an inspector approves nothing');
  });

  test('the chief removes an entry with a reason, approves and publishes; only then is it public, without it', async () => {
    const before = await anon().get<Page<TPublicHonourList>>('/api/v1/public/food/honour-lists');
    assert.equal(before.body.items.length, 0, 'a draft is not public');
    let list = (await chief.get<THonourListDetail>(`/api/v1/food/honour-lists/${listId}`)).body;
    const entry = list.entries.find((e) => e.businessId === b.serious.id)!;
    const removed = await chief.post<THonourListDetail>(
      `/api/v1/food/honour-lists/${listId}/entries/${entry.id}/remove`,
      {
        version: list.version,
        reason: '已立案查处，待结案后再列入',
      },
    );
    assert.equal(removed.status, 200);
    assert.equal(removed.body.blackCount, 2);
    const stale = await chief.post(`/api/v1/food/honour-lists/${listId}/approve`, { version: list.version });
    assert.equal(stale.status, 409, 'stale version');
    list = removed.body;
    const approved = await chief.post<THonourListDetail>(`/api/v1/food/honour-lists/${listId}/approve`, {
      version: list.version,
    });
    assert.equal(approved.body.status, 'approved');
    assert.equal((await anon().get<Page<unknown>>('/api/v1/public/food/honour-lists')).body.items.length, 0);
    const published = await chief.post<THonourListDetail>(`/api/v1/food/honour-lists/${listId}/publish`, {
      version: approved.body.version,
    });
    assert.equal(published.body.status, 'published');
    const pub = await anon().get<Page<TPublicHonourList>>('/api/v1/public/food/honour-lists');
    assert.equal(pub.status, 200);
    assert.equal(pub.body.items.length, 1);
    const [l] = pub.body.items;
    assert.equal(l!.month, month);
    assert.equal(l!.red.length, 2);
    assert.deepEqual(l!.black.map((e) => e.businessId).sort(), [b.twoFails.id, b.ungraded.id].sort());
    assert.doesNotMatch(JSON.stringify(pub.body), /已立案查处|removedReason/);
    const open = await anon().get<Page<TPublicHonourList>>(`/api/open/v1/food/honour-lists?month=${month}`);
    assert.equal(open.body.items[0]?.id, listId);
    const actions = await app.testDb.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE target_type = 'food-honour-list' AND target_id = $1 ORDER BY id",
      [String(listId)],
    );
    assert.deepEqual(
      actions.map((a) => a.action),
      ['food.honour.draft', 'food.honour.removeEntry', 'food.honour.approve', 'food.honour.publish'],
    );
    const box = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    const left = Object.values(box.groups)
      .flat()
      .filter((i) => i.module === 'food-honour');
    assert.deepEqual(left, [], 'published: nothing left for the chief');
  });

  test('portal search by a name fragment or licence number; the page shows grades, inspection, published reply', async () => {
    const byName = await anon().get<Page<TPublicFoodBusiness>>(
      `/api/v1/public/food/businesses?q=${encodeURIComponent('示范餐')}`,
    );
    assert.equal(byName.status, 200);
    assert.deepEqual(
      byName.body.items.map((i) => i.id),
      [b.star.id],
    );
    assert.equal(byName.body.items[0]!.dynamicGrade?.face, 'laugh');
    const common = await anon().get<Page<TPublicFoodBusiness>>(
      `/api/v1/public/food/businesses?q=${encodeURIComponent('餐厅')}&limit=1`,
    );
    assert.equal(common.body.items.length, 1);
    assert.ok(common.body.nextCursor);
    const second = await anon().get<Page<TPublicFoodBusiness>>(
      `/api/v1/public/food/businesses?q=${encodeURIComponent('餐厅')}&limit=1&cursor=${common.body.nextCursor}`,
    );
    assert.equal(second.body.items.length, 1);
    assert.notEqual(second.body.items[0]!.id, common.body.items[0]!.id);
    const licenceNo = byName.body.items[0]!.licenceNo!;
    const byLicence = await anon().get<Page<TPublicFoodBusiness>>(
      `/api/v1/public/food/businesses?q=${licenceNo.toLowerCase()}`,
    );
    assert.deepEqual(
      byLicence.body.items.map((i) => i.id),
      [b.star.id],
    );
    const page = await anon().get<TPublicFoodDetail>(`/api/v1/public/food/businesses/${b.star.id}`);
    assert.equal(page.status, 200);
    assert.equal(page.body.dynamicGrade?.label, '优秀');
    assert.equal(page.body.annualGrade?.grade, 'A');
    assert.equal(page.body.latestInspection?.resultLabel, '符合');
    assert.equal(page.body.reply?.body, '已按要求整改，欢迎监督。');
    assert.deepEqual(
      page.body.honours.map((h) => h.board),
      ['red'],
    );
    assert.match(page.headers.get('cache-control') ?? '', /public, max-age=60/);
    const other = await anon().get<TPublicFoodDetail>(`/api/v1/public/food/businesses/${b.twoFails.id}`);
    assert.equal(other.body.reply, null, 'a submitted reply is not public');
    assert.equal((await anon().get(`/api/v1/public/food/businesses/999999999`)).status, 404);
  });

  test('the search follows the registry: a renamed entity is found by its new name only, a new business at once', async () => {
    const db = app.testDb.db;
    const search = async (q: string) =>
      (await anon().get<Page<TPublicFoodBusiness>>(`/api/v1/public/food/businesses?q=${encodeURIComponent(q)}`)).body
        .items;
    const [{ starName }] = (await db.query<{ starName: string }>(
      'SELECT e.name AS "starName" FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id WHERE fb.id = $1',
      [b.star.id],
    )) as [{ starName: string }];
    await db.query(
      `UPDATE entities SET name = '改名后的湖畔小馆' WHERE id = (SELECT entity_id FROM food_businesses WHERE id = $1)`,
      [b.star.id],
    );
    assert.deepEqual(
      (await search('湖畔小馆')).map((i) => i.id),
      [b.star.id],
    );
    assert.deepEqual(await search('示范餐'), []);
    const [e] = await db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', '新开张的山野茶寮', ''::tsvector, station_id, '2024-01-01'
         FROM food_businesses WHERE id = $2 RETURNING id`,
      [makeUscc('92', '440605', 'G0TY0001'), b.star.id],
    );
    const [nb] = await db.query<{ id: number }>(
      'INSERT INTO food_businesses (entity_id, station_id) SELECT id, station_id FROM entities WHERE id = $1 RETURNING id',
      [e!.id],
    );
    assert.deepEqual(
      (await search('山野茶寮')).map((i) => i.id),
      [nb!.id],
    );
    await db.query('DELETE FROM food_businesses WHERE id = $1', [nb!.id]);
    await db.query(`UPDATE entities SET name = $2 WHERE id = (SELECT entity_id FROM food_businesses WHERE id = $1)`, [
      b.star.id,
      starName,
    ]);
  });

  test('a licence-number prefix pages through every match once, in byte order of the number', async () => {
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const p = (
        await anon().get<Page<TPublicFoodBusiness>>(
          `/api/v1/public/food/businesses?q=JY2440605&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
      seen.push(...p.items.map((i) => i.licenceNo!));
      cursor = p.nextCursor;
    } while (cursor);
    const all = await app.testDb.db.query<{ no: string }>(
      `SELECT DISTINCT licence_no AS no FROM food_licences WHERE licence_no LIKE 'JY2440605%' AND status = 'active'
        ORDER BY licence_no USING ~<~`,
    );
    assert.ok(all.length > 2, 'more than one page');
    assert.deepEqual(
      seen,
      all.map((r) => r.no),
    );
  });

  test('a fragment filling a page among the newest businesses walks on; a rarer one reads the index', async () => {
    const page = async (q: string, cursor?: string) =>
      (
        await anon().get<Page<TPublicFoodBusiness>>(
          `/api/v1/public/food/businesses?q=${encodeURIComponent(q)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).body;
    const first = await page('餐厅');
    assert.equal(decodeCursor(first.nextCursor!)?.[1], 1, 'walk');
    const rest: number[] = [];
    for (let c = first.nextCursor; c; ) {
      const p = await page('餐厅', c);
      rest.push(...p.items.map((i) => i.id));
      c = p.nextCursor;
    }
    const all = await app.testDb.db.query<{ id: number }>(
      `SELECT id::int AS id FROM food_businesses WHERE name LIKE '%餐厅%' ORDER BY entity_id DESC`,
    );
    assert.deepEqual(
      [first.items[0]!.id, ...rest],
      all.map((r) => r.id),
      'every match once, newest first',
    );
    assert.equal((await page('示范餐')).nextCursor, null);
  });

  test('open data: current grades, keyset pages stable under inserts, filters, ETag 304, Cache-Control', async () => {
    const first = await anon().get<Page<TOpenGrade>>('/api/open/v1/food/grades?limit=3');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 3);
    assert.ok(first.body.items.every((g) => g.status === 'current'));
    assert.match(first.headers.get('cache-control') ?? '', /public, max-age=300/);
    const etag = first.headers.get('etag')!;
    const cached = await anon().request('GET', '/api/open/v1/food/grades?limit=3', undefined, {
      'if-none-match': etag,
    });
    assert.equal(cached.status, 304);
    // New grades while a harvester pages: they land after every id it has seen, nothing skipped or repeated.
    const late = await makeFoodBusiness(app.testDb.db, { station: 's02', name: '翻页中新增餐厅' });
    const lateGrade = await addGrade(app.testDb.db, late.id, { grade: 'good', on: today });
    const seen = [...first.body.items.map((g) => g.id)];
    let next = first.body.next;
    while (next) {
      const page = await anon().get<Page<TOpenGrade>>(next);
      assert.equal(page.status, 200, next);
      seen.push(...page.body.items.map((g) => g.id));
      next = page.body.next;
    }
    assert.equal(new Set(seen).size, seen.length, 'no repeats');
    assert.deepEqual(
      seen,
      [...seen].sort((x, y) => x - y),
    );
    assert.ok(seen.includes(lateGrade));
    const all = await anon().get<Page<TOpenGrade>>('/api/open/v1/food/grades?limit=500');
    assert.deepEqual(
      all.body.items.map((g) => g.id),
      seen,
    );
    const again = await anon().request('GET', '/api/open/v1/food/grades?limit=3', undefined, { 'if-none-match': etag });
    assert.equal(again.status, 304, 'a grade appended at the end leaves the first page (and its ETag) as it was');
    const excellent = await anon().get<Page<TOpenGrade>>(
      `/api/open/v1/food/grades?grade=excellent&stationId=${b.star.stationId}&kind=dynamic`,
    );
    assert.ok(excellent.body.items.length >= 2);
    assert.ok(excellent.body.items.every((g) => g.grade === 'excellent' && g.stationId === b.star.stationId));
    const since = await anon().get<Page<TOpenGrade>>(`/api/open/v1/food/grades?updatedSince=${today}&limit=500`);
    assert.ok(since.body.items.some((g) => g.status === 'superseded' && g.businessId === b.good.id));
    const text = JSON.stringify(all.body);
    assert.doesNotMatch(text, /inspector|staff|certificate|createdBy/i);
    assert.ok(all.body.items.every((g) => g.address === null || !/\d{11}/.test(g.address)));
  });

  test('the OpenAPI document describes the open-data and portal food routes', async () => {
    const doc = (
      await anon().get<{ paths: Record<string, { get?: { tags: string[]; security: unknown[] } }> }>(
        '/api/v1/openapi.json',
      )
    ).body;
    for (const path of ['/api/open/v1/food/grades', '/api/open/v1/food/honour-lists']) {
      assert.deepEqual(doc.paths[path]?.get?.tags, ['open-data'], path);
      assert.deepEqual(doc.paths[path]?.get?.security, []);
    }
    assert.ok(doc.paths['/api/v1/public/food/businesses/{id}']);
  });
});
