import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail, TEntitySummary } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';

type Page = { items: TEntitySummary[]; nextCursor: string | null; total: number; totalIsEstimate: boolean };
type Problem = { code: string; detail: string; errors: { path: string; message: string }[] };

describe('entities API: registry, search, scope, lifecycle', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01: ApiClient;
  let s02: ApiClient;
  let stations: Record<string, number>;
  let lishui: TEntityDetail;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01 = await loginAs(app, 's01.chief');
    s02 = await loginAs(app, 's02.inspector');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.filter((u) => u.kind === 'station').map((u) => [u.code, u.id]));
    lishui = (
      await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name: '佛山市南海区里水镇和顺五金制品有限公司', stationId: stations.s03 }),
      )
    ).body;
    for (const name of ['桂城老陈餐饮店', '南海区大沥湘味餐饮管理有限公司', '西樵山餐饮服务部']) {
      await admin.post('/api/v1/entities', makeEntity({ name, stationId: stations.s01, industryCode: '6210' }));
    }
  });
  after(() => app.close());

  test('a station chief registers with the minimum fields; the entity lands in their station', async () => {
    const { uscc, type, name, address, establishedOn } = makeEntity();
    const res = await s01.post<TEntityDetail>('/api/v1/entities', { type, uscc, name, address, establishedOn });
    assert.equal(res.status, 201);
    assert.equal(res.body.stationName, '桂城市场监管所');
    assert.equal(res.body.events[0]?.kind, 'establish');
  });

  test('a wrong check character is refused with 422 on uscc, unless overridden with a reason', async () => {
    const good = makeEntity();
    const last = good.uscc.at(-1) === '0' ? '1' : '0';
    const bad = `${good.uscc.slice(0, 17)}${last}`;
    const res = await admin.post<Problem>('/api/v1/entities', { ...good, uscc: bad, stationId: stations.s01 });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0]?.path, 'uscc');
    assert.match(res.body.errors[0]?.message ?? '', /校验码/);
    const overridden = await admin.post<TEntityDetail>('/api/v1/entities', {
      ...good,
      uscc: bad,
      stationId: stations.s01,
      usccOverrideReason: '历史赋码，经登记机关核实',
    });
    assert.equal(overridden.status, 201);
    assert.equal(overridden.body.usccOverrideReason, '历史赋码，经登记机关核实');
  });

  test('other bad fields name themselves; duplicates are 409; nothing is written', async () => {
    const before = (await admin.get<Page>('/api/v1/entities?limit=1')).body.total;
    const typeMismatch = await admin.post<Problem>('/api/v1/entities', {
      ...makeEntity(),
      type: 'individualBusiness',
      stationId: stations.s01,
    });
    assert.equal(typeMismatch.status, 422);
    assert.equal(typeMismatch.body.errors[0]?.path, 'type');
    const badId = await admin.post<Problem>('/api/v1/entities', {
      ...makeEntity(),
      legalRepIdNumber: '440605198504121230',
      stationId: stations.s01,
    });
    assert.equal(badId.status, 422);
    assert.equal(badId.body.errors[0]?.path, 'legalRepIdNumber');
    const badIndustry = await admin.post<Problem>('/api/v1/entities', {
      ...makeEntity(),
      industryCode: '9999',
      stationId: stations.s01,
    });
    assert.equal(badIndustry.status, 422);
    assert.equal(badIndustry.body.errors[0]?.path, 'industryCode');
    const noStation = await admin.post<Problem>('/api/v1/entities', makeEntity());
    assert.equal(noStation.status, 422);
    assert.equal(noStation.body.errors[0]?.path, 'stationId');
    const dup = await admin.post<Problem>('/api/v1/entities', {
      ...makeEntity(),
      uscc: lishui.uscc,
      stationId: stations.s01,
    });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0]?.path, 'uscc');
    assert.equal((await admin.get<Page>('/api/v1/entities?limit=1')).body.total, before);
  });

  test('Chinese substring search: 里水 finds the 里水镇 company, 餐饮 finds every restaurant, USCC prefix works', async () => {
    const li = (await admin.get<Page>(`/api/v1/entities?q=${encodeURIComponent('里水')}`)).body;
    assert.deepEqual(
      li.items.map((e) => e.id),
      [lishui.id],
    );
    const food = (await admin.get<Page>(`/api/v1/entities?q=${encodeURIComponent('餐饮')}`)).body;
    assert.equal(food.total, 3);
    assert.ok(food.items.every((e) => e.name.includes('餐饮')));
    const byCode = (await admin.get<Page>(`/api/v1/entities?q=${lishui.uscc.slice(0, 12)}`)).body;
    assert.ok(byCode.items.some((e) => e.id === lishui.id));
    assert.ok(byCode.items.every((e) => e.uscc.startsWith(lishui.uscc.slice(0, 12))));
    const one = (await admin.get<Page>(`/api/v1/entities?q=${encodeURIComponent('饮')}`)).body;
    assert.equal(one.total, 3);
  });

  test('lists mask the ID number and phone; the full number needs entity:write and is audited', async () => {
    const item = (await admin.get<Page>(`/api/v1/entities?q=${encodeURIComponent('里水')}`)).body.items[0]!;
    assert.match(item.legalRepIdMasked ?? '', /^\d{3}\*+\d{3}[\dX]$/);
    assert.equal(item.phoneMasked, '138****8000');
    const reveal = await admin.get<{ legalRepIdNumber: string }>(`/api/v1/entities/${lishui.id}/legal-rep-id`);
    assert.match(reveal.body.legalRepIdNumber, /^\d{17}[\dX]$/);
    const audit = await app.testDb.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'entity.pii.reveal' AND target_id = $1`,
      [String(lishui.id)],
    );
    assert.equal(audit.length, 1);
    const stored = await app.testDb.db.query<{ c: string }>(
      'SELECT legal_rep_id_cipher AS c FROM entities WHERE id = $1',
      [lishui.id],
    );
    assert.ok(!stored[0]!.c.includes(reveal.body.legalRepIdNumber), 'the ID number is not stored in clear');
    assert.equal((await s02.get(`/api/v1/entities/${lishui.id}/legal-rep-id`)).status, 403);
  });

  test('an inspector of one station neither lists nor opens another station’s entities', async () => {
    const mine = (await s02.get<Page>('/api/v1/entities?limit=200')).body;
    assert.ok(mine.items.every((e) => e.stationId === stations.s02));
    const food = (await s02.get<Page>(`/api/v1/entities?q=${encodeURIComponent('餐饮')}`)).body;
    assert.equal(food.total, 0);
    assert.equal((await s02.get(`/api/v1/entities/${lishui.id}`)).status, 404);
    assert.equal((await s02.post('/api/v1/entities', { ...makeEntity(), stationId: stations.s01 })).status, 403);
  });

  test('self scope: a user registers in their own station and sees only the entities they registered', async () => {
    const me = await selfScopedUser(app, admin, {
      username: 's01.entity.self',
      unitCode: 's01',
      permissions: ['entity:read', 'entity:write'],
    });
    const mine = await me.client.post<TEntityDetail>('/api/v1/entities', makeEntity({ name: '本人登记测试商行' }));
    assert.equal(mine.status, 201);
    assert.equal(mine.body.stationId, stations.s01);
    const elsewhere = await me.client.post('/api/v1/entities', makeEntity({ stationId: stations.s02 }));
    assert.equal(elsewhere.status, 403);
    const colleagues = (await admin.get<Page>(`/api/v1/entities?stationId=${stations.s01}&limit=100`)).body.items;
    const theirs = colleagues.find((e) => e.id !== mine.body.id)!;
    assert.equal((await me.client.get(`/api/v1/entities/${theirs.id}`)).status, 404);
    const page = (await me.client.get<Page>('/api/v1/entities?limit=100')).body;
    assert.deepEqual(
      page.items.map((e) => e.id),
      [mine.body.id],
    );
    assert.equal(page.total, 1);
  });

  test('change with optimistic concurrency keeps before/after history; stale version → 409', async () => {
    const created = (await s01.post<TEntityDetail>('/api/v1/entities', makeEntity())).body;
    const res = await s01.patch<TEntityDetail>(`/api/v1/entities/${created.id}`, {
      address: '佛山市南海区桂城街道新地址1号',
      version: created.version,
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.version, created.version + 1);
    const change = res.body.events.find((e) => e.kind === 'change');
    assert.deepEqual(change?.after, { address: '佛山市南海区桂城街道新地址1号' });
    assert.deepEqual(change?.before, { address: created.address });
    const stale = await s01.patch<Problem>(`/api/v1/entities/${created.id}`, {
      address: '旧版本的修改',
      version: created.version,
    });
    assert.equal(stale.status, 409);
  });

  test('deregistration is a lifecycle event; an illegal transition is 409 INVALID_STATE', async () => {
    const created = (await s01.post<TEntityDetail>('/api/v1/entities', makeEntity())).body;
    const dereg = await s01.post<TEntityDetail>(`/api/v1/entities/${created.id}/lifecycle`, {
      kind: 'deregister',
      occurredOn: '2026-11-20',
      version: created.version,
    });
    assert.equal(dereg.status, 200);
    assert.equal(dereg.body.status, 'deregistered');
    assert.equal(dereg.body.events[0]?.kind, 'deregister');
    const again = await s01.post<Problem>(`/api/v1/entities/${created.id}/lifecycle`, {
      kind: 'resume',
      occurredOn: '2026-11-21',
      version: dereg.body.version,
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'INVALID_STATE');
  });

  test('filters and keyset pages walk every match exactly once with an exact total', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: Page = (
        await admin.get<Page>(`/api/v1/entities?limit=2&stationId=${stations.s01}${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      seen.push(...page.items.map((e) => e.id));
      total = page.total;
      assert.equal(page.totalIsEstimate, false);
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const typed = (await admin.get<Page>('/api/v1/entities?type=enterprise&industryCode=62&status=active')).body;
    assert.ok(
      typed.items.every((e) => e.type === 'enterprise' && e.industryCode?.startsWith('62') && e.status === 'active'),
    );
  });
});
