import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';

type Intake = { items: { id: number }[] };
type Analysis = { totals: { received: number } };
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 3)]);

async function upload(client: ApiClient, path: string, bytes: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  const headers = { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
  const res = await fetch(`${client.baseUrl}${path}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as TComplaintDetail };
}

/**
 * The reach of 12315 items, one rule for every operation (src/modules/complaints/access.ts): a self-scoped user's
 * own items are those they handle or registered, in the queue, the detail, the figures and the files alike; a
 * station's user sees neither another station's alerts nor, through a link, another station's items.
 */
describe('12315 access: one reach for list, get, figures, alerts, related items and files', () => {
  let app: TestApp;
  let admin: ApiClient;
  let hotline: ApiClient;
  let self: ApiClient;
  let colleague: ApiClient;
  let s01Chief: ApiClient;
  let s02Chief: ApiClient;
  let stations: Record<string, number>;
  let entities: Record<'s01' | 's02', TEntityDetail>;
  const ids = { registered: 0, handled: 0, unassigned: 0, otherStation: 0 };
  const month = '2025-03';

  const file = async (client: ApiClient, station: 's01' | 's02', description: string) => {
    const res = await client.post<Intake>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '测试', phone: '13900000000' },
      business: { entityId: entities[station].id },
      description,
      receivedOn: `${month}-10`,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.items[0]!.id;
  };

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    hotline = await loginAs(app, 'hotline');
    s01Chief = await loginAs(app, 's01.chief');
    s02Chief = await loginAs(app, 's02.chief');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.map((u) => [u.code, u.id]));
    const role = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'complaint_self',
      name: '投诉举报承办（仅本人）',
      permissions: ['complaint:read', 'complaint:write'],
      dataScope: 'self',
    });
    assert.equal(role.status, 201, JSON.stringify(role.body));
    const userIds: Record<string, number> = {};
    for (const username of ['s01.self', 's01.self2']) {
      const user = await admin.post<TUser>('/api/v1/org/users', {
        username,
        displayName: username,
        unitId: stations.s01,
        roleIds: [role.body.id],
        password: 'Welcome#2026',
      });
      assert.equal(user.status, 201, JSON.stringify(user.body));
      userIds[username] = user.body.id;
    }
    const login = async (username: string) => {
      const client = new ApiClient(app.baseUrl);
      assert.equal((await client.login(username, 'Welcome#2026')).status, 200);
      return client;
    };
    self = await login('s01.self');
    colleague = await login('s01.self2');
    const entity = async (station: 's01' | 's02') =>
      (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: stations[station] }))).body;
    entities = { s01: await entity('s01'), s02: await entity('s02') };

    ids.registered = await file(self, 's01', '本人登记：健身房预付卡无法退款。');
    ids.handled = await file(hotline, 's01', '交由本人承办：月饼过期变质。');
    ids.unassigned = await file(hotline, 's01', '同所他人事项：理发店办卡后关门。');
    ids.otherStation = await file(hotline, 's02', '其他所事项：装修公司拖延工期。');
    const { version } = (await admin.get<TComplaintDetail>(`/api/v1/complaints/${ids.handled}`)).body;
    const assigned = await admin.post(`/api/v1/complaints/${ids.handled}/reassign`, {
      handlerId: userIds['s01.self'],
      reason: '指定承办人',
      version,
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    await app.services.complaintAnalysis.rebuildStats();
  });
  after(() => app.close());

  test('self: the queue shows exactly the items the detail opens (handled or registered by the caller)', async () => {
    const queue = (await self.get<{ items: { id: number }[] }>('/api/v1/complaints?limit=200')).body.items;
    assert.deepEqual(queue.map((i) => i.id).sort(), [ids.registered, ids.handled].sort());
    for (const id of [ids.registered, ids.handled])
      assert.equal((await self.get(`/api/v1/complaints/${id}`)).status, 200);
    for (const id of [ids.unassigned, ids.otherStation])
      assert.equal((await self.get(`/api/v1/complaints/${id}`)).status, 404);
    const colleagueQueue = (await colleague.get<{ items: unknown[] }>('/api/v1/complaints?limit=200')).body.items;
    assert.deepEqual(colleagueQueue, []);
  });

  test('self: the figures and hot topics count only the caller’s own items, not the whole station', async () => {
    const totals = async (client: ApiClient) =>
      (await client.get<Analysis>(`/api/v1/complaints/analysis?from=${month}&to=${month}&by=kind`)).body.totals
        .received;
    assert.equal(await totals(self), 2);
    assert.equal(await totals(colleague), 0);
    assert.equal(await totals(s01Chief), 3);
    assert.equal(await totals(hotline), 4);
    const topics = async (client: ApiClient) =>
      (await client.get<{ word: string }[]>(`/api/v1/complaints/analysis/hot-topics?from=${month}-01&to=${month}-28`))
        .body;
    assert.deepEqual(await topics(colleague), []);
    const own = (await topics(self)).map((t) => t.word);
    assert.ok(own.includes('预付卡') && !own.includes('理发店'), own.join(','));
  });

  test('alerts: a station sees those about its businesses, a self-scoped user none, district-wide ones the district', async () => {
    await app.testDb.db.query(
      `INSERT INTO complaint_alerts (scope, scope_key, scope_name, window_start, window_end, observed, expected, title,
         draft_text, station_id)
       VALUES ('entity', 'a1', '桂城某店', '2025-03-01', '2025-03-07', 9, 1, '预警一', '草稿', $1),
              ('entity', 'a2', '大沥某店', '2025-03-01', '2025-03-07', 9, 1, '预警二', '草稿', $2),
              ('category', 'a3', '全区类别', '2025-03-01', '2025-03-07', 9, 1, '预警三', '草稿', NULL)`,
      [stations.s01, stations.s02],
    );
    const titles = async (client: ApiClient) =>
      (await client.get<{ title: string }[]>('/api/v1/complaints/alerts')).body.map((a) => a.title).sort();
    assert.deepEqual(await titles(s01Chief), ['预警一']);
    assert.deepEqual(await titles(s02Chief), ['预警二']);
    assert.deepEqual(await titles(self), []);
    assert.deepEqual(await titles(hotline), ['预警一', '预警三', '预警二']);
  });

  test('related items: a link never shows an item the caller may not read', async () => {
    await app.testDb.db.query(
      `INSERT INTO complaint_links (a_id, b_id, similarity, reason)
       VALUES (LEAST($1::bigint, $2::bigint), GREATEST($1::bigint, $2::bigint), 0.9, 'test'),
              (LEAST($1::bigint, $3::bigint), GREATEST($1::bigint, $3::bigint), 0.8, 'test')`,
      [ids.unassigned, ids.otherStation, ids.handled],
    );
    const related = async (client: ApiClient, id: number) =>
      (await client.get<{ id: number }[]>(`/api/v1/complaints/${id}/related`)).body.map((r) => r.id).sort();
    assert.deepEqual(await related(hotline, ids.unassigned), [ids.handled, ids.otherStation].sort());
    assert.deepEqual(await related(s01Chief, ids.unassigned), [ids.handled]);
    assert.equal((await self.get(`/api/v1/complaints/${ids.unassigned}/related`)).status, 404);
    assert.deepEqual(await related(self, ids.handled), []);
  });

  test('files: an item’s attachment downloads exactly where the item opens', async () => {
    const added = await upload(self, `/api/v1/complaints/${ids.registered}/attachments`, png, '小票.png');
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const fileId = added.body.attachments[0]!.id;
    const path = `/api/v1/complaints/${ids.registered}/attachments/${fileId}`;
    const res = await fetch(`${app.baseUrl}${path}`, { headers: { cookie: self.cookie } });
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);
    assert.equal((await s01Chief.get(path)).status, 200);
    assert.equal((await colleague.get(path)).status, 404);
    assert.equal((await s02Chief.get(path)).status, 404);
    // The file through an item that does not have it: not found, even for a caller who reads both.
    assert.equal((await hotline.get(`/api/v1/complaints/${ids.unassigned}/attachments/${fileId}`)).status, 404);
  });

  test('transfer: only to a unit within the caller’s reach', async () => {
    const { version } = (await s01Chief.get<TComplaintDetail>(`/api/v1/complaints/${ids.unassigned}`)).body;
    const out = await s01Chief.post(`/api/v1/complaints/${ids.unassigned}/reassign`, {
      stationId: stations.s02,
      reason: '转到大沥所',
      version,
    });
    assert.equal(out.status, 403);
  });
});
