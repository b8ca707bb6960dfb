import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { scopedUser } from '../../../tests/helpers/scoped-users.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import type { TSearchResult } from '../../contracts/search.ts';
import { makeIdCard } from '../../domain/id-card.ts';

type Problem = { code: string; errors: { path: string; message: string }[] };

describe('global search API: shapes, scope, masking, permissions', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01Chief: ApiClient;
  let stations: Record<string, number>;
  let heshun: TEntityDetail;
  let laochen: TEntityDetail;
  const idNumber = makeIdCard('440605', '19790308', '417');

  const search = async (client: ApiClient, q: string) => {
    const res = await client.get<TSearchResult>(`/api/v1/search?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const group = (r: TSearchResult, name: string) => r.groups.find((g) => g.group === name);
  const titles = (r: TSearchResult, name: string) => group(r, name)?.hits.map((h) => h.title) ?? [];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01Chief = await loginAs(app, 's01.chief');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const create = async (body: ReturnType<typeof makeEntity>) => {
      const res = await admin.post<TEntityDetail>('/api/v1/entities', body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body;
    };
    heshun = await create(
      makeEntity({ name: '佛山市南海区里水镇和顺五金制品有限公司', stationId: stations.s03, legalRepName: '欧阳明' }),
    );
    laochen = await create(
      makeEntity({
        name: '桂城老陈餐饮店',
        type: 'individualBusiness',
        stationId: stations.s01,
        legalRepName: '陈老三',
        legalRepIdNumber: idNumber,
        phone: '13912345678',
      }),
    );
    await create(makeEntity({ name: '和顺', stationId: stations.s03 }));
  });
  after(() => app.close());

  test('a 2-character fragment finds an entity by name, with a link to its page', async () => {
    const r = await search(admin, '和顺');
    assert.deepEqual(r.shapes, ['fragment']);
    const hits = group(r, 'entities')!.hits;
    // The exact name ranks first, then the longer name holding it.
    assert.deepEqual(
      hits.map((h) => h.title),
      ['和顺', '佛山市南海区里水镇和顺五金制品有限公司'],
    );
    assert.equal(hits[1]!.link, `/entities/${heshun.id}`);
    assert.equal(hits[1]!.matched, 'name');
  });

  test("a station chief does not find another station's entity, by name or by USCC", async () => {
    assert.deepEqual(titles(await search(s01Chief, '和顺'), 'entities'), []);
    assert.deepEqual(titles(await search(s01Chief, heshun.uscc), 'entities'), []);
    assert.deepEqual(titles(await search(s01Chief, '餐饮'), 'entities'), ['桂城老陈餐饮店']);
  });

  test('an 18-character USCC is looked up exactly (also typed in lower case)', async () => {
    const r = await search(admin, laochen.uscc.toLowerCase());
    assert.deepEqual(r.shapes, ['uscc']);
    const hits = group(r, 'entities')!.hits;
    assert.deepEqual(
      hits.map((h) => [h.id, h.matched]),
      [[laochen.id, 'uscc']],
    );
  });

  test('personal data is masked: the ID number finds the entity but only its masked form is shown', async () => {
    const r = await search(admin, idNumber);
    assert.ok(r.shapes.includes('idNumber'));
    const [hit] = group(r, 'entities')!.hits;
    assert.equal(hit?.id, laochen.id);
    assert.equal(hit?.matched, 'idNumber');
    const body = JSON.stringify(r);
    assert.ok(!body.includes(idNumber), 'the full ID number is not in the answer');
    assert.ok(!body.includes('13912345678'), 'the phone is not in the answer');
    assert.match(hit!.subtitle ?? '', /陈老三 440\*{11}417/);
  });

  test("a legal representative's name finds the entities they represent", async () => {
    const hits = group(await search(admin, '欧阳明'), 'entities')!.hits;
    assert.deepEqual(
      hits.map((h) => [h.id, h.matched]),
      [[heshun.id, 'legalRep']],
    );
  });

  test('a 12315 tracking code finds its item, only for callers who may read it; the complainant is not shown', async () => {
    const hotline = await loginAs(app, 'hotline');
    const res = await hotline.post<{ items: { id: number; trackingCode: string }[] }>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '张小明', phone: '13800001111' },
      business: { entityId: heshun.id },
      description: '购买的五金配件有质量问题，要求退货。',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const [item] = res.body.items;
    const r = await search(admin, item!.trackingCode.toLowerCase());
    assert.deepEqual(r.shapes, ['trackingCode']);
    const hits = group(r, 'complaints')!.hits;
    assert.deepEqual(
      hits.map((h) => [h.id, h.link]),
      [[item!.id, `/complaints/${item!.id}`]],
    );
    assert.ok(!JSON.stringify(r).includes('张小明') && !JSON.stringify(r).includes('13800001111'));
    // Routed to the 里水 station (s03): the 桂城 chief does not find it.
    assert.deepEqual(group(await search(s01Chief, item!.trackingCode), 'complaints')?.hits, []);
  });

  test('a case number, whole or its 〔year〕number tail, finds the case in scope', async () => {
    const id = await insertCase(app.testDb.db, {
      stationCode: 's01',
      status: 'investigating',
      title: '销售过期食品案',
      extra: { case_no: '南海市监立〔2026〕12号' },
    });
    await insertCase(app.testDb.db, {
      stationCode: 's03',
      status: 'investigating',
      extra: { case_no: '南海市监立〔2026〕112号' },
    });
    for (const q of ['〔2026〕12号', '[2026]12', '（2026）12号', '南海市监立〔2026〕12号']) {
      const r = await search(admin, q);
      assert.deepEqual(r.shapes, ['caseNo'], q);
      assert.deepEqual(
        group(r, 'cases')!.hits.map((h) => [h.id, h.link]),
        [[id, `/cases/${id}`]],
        q,
      );
    }
    const s03Case = await search(s01Chief, '〔2026〕112号');
    assert.deepEqual(group(s03Case, 'cases')?.hits, []);
  });

  test('a group the caller has no permission for is left out; users are found by name', async () => {
    const { client } = await scopedUser(app, admin, {
      username: 'search.reader',
      unitCode: 's01',
      permissions: ['entity:read'],
      dataScope: 'unit_and_below',
    });
    const r = await search(client, '餐饮');
    assert.deepEqual(
      r.groups.map((g) => g.group),
      ['entities'],
    );
    const users = group(await search(admin, 's01.chief'), 'users')!.hits;
    assert.equal(users[0]?.subtitle?.startsWith('s01.chief'), true);
    assert.equal(users[0]?.link, '/org/users?q=s01.chief');
  });

  test('more hits than the limit: the group says so; one character searches nothing; empty is 422', async () => {
    const r = await admin.get<TSearchResult>(`/api/v1/search?q=${encodeURIComponent('和顺')}&limit=1`);
    assert.equal(group(r.body, 'entities')!.hits.length, 1);
    assert.equal(group(r.body, 'entities')!.more, true);
    const one = await search(admin, '和');
    assert.deepEqual(one.shapes, []);
    assert.ok(one.groups.every((g) => g.hits.length === 0));
    const empty = await admin.get<Problem>('/api/v1/search?q=%20');
    assert.equal(empty.status, 422);
    assert.equal(empty.body.errors[0]?.path, 'q');
  });

  test('a signed-out caller gets 401', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/search?q=${encodeURIComponent('和顺')}`);
    assert.equal(res.status, 401);
  });
});
