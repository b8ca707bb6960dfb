import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makePng } from '../../../tests/helpers/png.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type {
  TKitchenAlert,
  TKitchenEnrollment,
  TKitchenStats,
  TKitchenVendorWithSecret,
  TKitchenWebhookResult,
} from '../../contracts/food-kitchen.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { kitchenSignature } from '../../domain/kitchen-signature.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
type Problem = { detail: string; errors: { path: string; message: string }[] };
let seq = 0;

describe('明厨亮灶: vendors, enrollment, the signed webhook, bursts, escalation, handling', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  let vendor: TKitchenVendorWithSecret;
  const biz = { a: 0, b: 0, c: 0, other: 0 };

  async function insertBusiness(station: string): Promise<number> {
    seq++;
    const subject = `K${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
    const [entity] = await app.testDb.db.query<{ id: number; stationId: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = $3
       RETURNING id, station_id AS "stationId"`,
      [makeUscc('92', '440605', subject), `明厨测试${seq}号餐馆`, station],
    );
    const [row] = await app.testDb.db.query<{ id: number }>(
      'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
      [entity!.id, entity!.stationId],
    );
    return row!.id;
  }

  const count = async (table: string) =>
    Number((await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const counts = async () => ({
    events: await count('kitchen_events'),
    alerts: await count('kitchen_alerts'),
    files: await count(`stored_files WHERE purpose = 'kitchen-snapshot'`),
  });

  /** Posts one event signed as `opts` says (the vendor's key and the current time unless told otherwise). */
  async function deliver(
    body: unknown,
    opts: { secret?: string; vendorCode?: string; timestamp?: number; signature?: string } = {},
  ) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const sig = opts.signature ?? kitchenSignature(opts.secret ?? vendor.secret, ts, Buffer.from(raw));
    const res = await fetch(`${app.baseUrl}/api/v1/food/kitchen-alerts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vendor-id': opts.vendorCode ?? vendor.code,
        'x-timestamp': ts,
        'x-signature': sig,
      },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: JSON.parse(text) as unknown };
  }
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  let eventSeq = 0;
  const event = (over: Record<string, unknown> = {}) => ({
    eventId: `evt-${process.pid}-${++eventSeq}`,
    cameraId: 'CAM-A1',
    eventType: 'noHat',
    occurredAt: minutesAgo(1),
    confidence: 0.91,
    ...over,
  });

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    biz.a = await insertBusiness('s01');
    biz.b = await insertBusiness('s01');
    biz.c = await insertBusiness('s01');
    biz.other = await insertBusiness('s02');
  });
  after(() => app.close());

  test('a vendor is made by food:settings only; its key is answered once and never listed', async () => {
    assert.equal(
      (await chief.post('/api/v1/food/kitchen/vendors', { code: 'acme-cam', name: '某某视觉' })).status,
      403,
    );
    const res = await admin.post<TKitchenVendorWithSecret>('/api/v1/food/kitchen/vendors', {
      code: 'acme-cam',
      name: '某某视觉科技',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    vendor = res.body;
    assert.ok(vendor.secret.length >= 40);
    const again = await admin.post('/api/v1/food/kitchen/vendors', { code: 'acme-cam', name: '重复' });
    assert.equal(again.status, 409);
    const list = await chief.get<Record<string, unknown>[]>('/api/v1/food/kitchen/vendors');
    assert.equal(list.status, 200);
    assert.ok(!JSON.stringify(list.body).includes(vendor.secret));
    assert.ok(list.body.every((v) => !('secret' in v)));
    const [stored] = await app.testDb.db.query<{ s: string }>('SELECT secret_enc AS s FROM kitchen_vendors');
    assert.ok(!stored!.s.includes(vendor.secret), 'the key is stored encrypted');
  });

  test('enrollment by food:write holders in reach; cameras unique per vendor', async () => {
    const body = {
      businessId: biz.a,
      vendorId: vendor.id,
      enrolledOn: '2026-11-01',
      cameras: [
        { cameraId: 'CAM-A1', area: 'processing' },
        { cameraId: 'CAM-A2', area: 'washing' },
      ],
    };
    assert.equal((await hotline.post('/api/v1/food/kitchen/enrollments', body)).status, 403);
    assert.equal((await otherChief.post('/api/v1/food/kitchen/enrollments', body)).status, 404);
    const res = await chief.post<TKitchenEnrollment>('/api/v1/food/kitchen/enrollments', body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.cameras.length, 2);
    const taken = await chief.post<Problem>('/api/v1/food/kitchen/enrollments', {
      ...body,
      businessId: biz.b,
      cameras: [{ cameraId: 'CAM-A1', area: 'storage' }],
    });
    assert.equal(taken.status, 409);
    for (const [id, cam] of [
      [biz.b, 'CAM-B1'],
      [biz.c, 'CAM-C1'],
    ] as const) {
      const ok = await inspector.post('/api/v1/food/kitchen/enrollments', {
        ...body,
        businessId: id,
        cameras: [{ cameraId: cam, area: 'preparing' }],
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    }
    const mine = await otherChief.get<Page<TKitchenEnrollment>>('/api/v1/food/kitchen/enrollments');
    assert.equal(mine.body.items.length, 0);
  });

  test('bad signature, unknown vendor, stale or missing timestamp: 401 and nothing stored', async () => {
    const before = await counts();
    const snap = { contentType: 'image/png', data: makePng(8, 8).toString('base64') };
    const e = event({ snapshot: snap });
    const attempts = [
      await deliver(e, { secret: 'not-the-key' }),
      await deliver(e, { signature: '0'.repeat(64) }),
      await deliver(e, { vendorCode: 'nobody-cam' }),
      await deliver(e, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
      await deliver(e, { timestamp: Math.floor(Date.now() / 1000) + 400 }),
    ];
    // A body changed after signing no longer matches.
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = kitchenSignature(vendor.secret, ts, Buffer.from(JSON.stringify(e)));
    const tampered = await fetch(`${app.baseUrl}/api/v1/food/kitchen-alerts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-vendor-id': vendor.code,
        'x-timestamp': ts,
        'x-signature': sig,
      },
      body: JSON.stringify({ ...e, confidence: 0.2 }),
    });
    const unsigned = await fetch(`${app.baseUrl}/api/v1/food/kitchen-alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(e),
    });
    for (const a of attempts) {
      assert.equal(a.status, 401, JSON.stringify(a.body));
      assert.match(a.type, /problem\+json/);
    }
    assert.equal(tampered.status, 401);
    assert.equal(unsigned.status, 401);
    assert.deepEqual(await counts(), before);
  });

  test('a bad payload is 400 naming the field in Chinese; an unenrolled camera 422; nothing stored', async () => {
    const before = await counts();
    const missing = await deliver({ eventId: 'x-1', eventType: 'noHat', occurredAt: minutesAgo(1), confidence: 2 });
    assert.equal(missing.status, 400);
    const p = missing.body as Problem;
    assert.match(p.detail, /摄像头编号/);
    assert.match(p.detail, /置信度/);
    assert.ok(p.errors.some((x) => x.path === 'cameraId'));
    const notJson = await deliver('{"eventId":');
    assert.equal(notJson.status, 400);
    const notImage = await deliver(event({ snapshot: { data: Buffer.from('GIF89a....').toString('base64') } }));
    assert.equal(notImage.status, 400);
    assert.match((notImage.body as Problem).detail, /抓拍图片/);
    const huge = await deliver(event({ snapshot: { data: Buffer.alloc(1024 * 1024 + 10, 0xff).toString('base64') } }));
    assert.ok([400, 413].includes(huge.status), String(huge.status));
    const unknownType = await deliver(event({ eventType: 'dancing' }));
    assert.equal(unknownType.status, 400);
    assert.match((unknownType.body as Problem).detail, /事件类型/);
    const unenrolled = await deliver(event({ cameraId: 'CAM-NOWHERE' }));
    assert.equal(unenrolled.status, 422);
    assert.deepEqual(await counts(), before);
  });

  test('a good alert is stored with its snapshot; the same event id again is a replay (409)', async () => {
    const e = event({ snapshot: { data: makePng(16, 16).toString('base64') }, occurredAt: minutesAgo(600) });
    const res = await deliver(e);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const r = res.body as TKitchenWebhookResult;
    assert.equal(r.folded, false);
    assert.equal(r.escalation, null);
    const before = await counts();
    const replay = await deliver(e);
    assert.equal(replay.status, 409);
    assert.deepEqual(await counts(), before);
    const alert = await chief.get<TKitchenAlert>(`/api/v1/food/kitchen/alerts/${r.alertId}`);
    assert.equal(alert.body.hasSnapshot, true);
    assert.equal(alert.body.area, 'processing');
    const img = await fetch(`${app.baseUrl}/api/v1/food/kitchen/alerts/${r.alertId}/snapshot`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(img.status, 200);
    assert.equal(img.headers.get('content-type'), 'image/png');
    const outside = await otherChief.get(`/api/v1/food/kitchen/alerts/${r.alertId}/snapshot`);
    assert.equal(outside.status, 404);
  });

  test('a burst of one camera and type folds into one alert; a later one opens the next; the third plans a follow-up once', async () => {
    const first = (await deliver(event({ occurredAt: minutesAgo(300) }))).body as TKitchenWebhookResult;
    const second = (await deliver(event({ occurredAt: minutesAgo(295), confidence: 0.99 })))
      .body as TKitchenWebhookResult;
    assert.equal(second.folded, true);
    assert.equal(second.alertId, first.alertId);
    assert.equal(second.count, 2);
    const folded = await chief.get<TKitchenAlert>(`/api/v1/food/kitchen/alerts/${first.alertId}`);
    assert.equal(folded.body.count, 2);
    assert.equal(folded.body.maxConfidence, 0.99);
    // Another type on the same camera is its own alert.
    const mask = (await deliver(event({ eventType: 'noMask', occurredAt: minutesAgo(294) })))
      .body as TKitchenWebhookResult;
    assert.notEqual(mask.alertId, first.alertId);
    // The third noHat alert of the week (the 600-minute one, this burst, and now) plans a follow-up.
    const third = (await deliver(event({ occurredAt: minutesAgo(100) }))).body as TKitchenWebhookResult;
    assert.equal(third.folded, false);
    assert.equal(third.escalation, 'followup');
    const followups = async () =>
      app.testDb.db.query<{ status: string; plannedOn: string }>(
        `SELECT status, planned_on::text AS "plannedOn" FROM food_inspections WHERE business_id = $1 AND kind = 'followup'`,
        [biz.a],
      );
    assert.equal((await followups()).length, 1);
    assert.equal((await followups())[0]!.status, 'planned');
    const fourth = (await deliver(event({ occurredAt: minutesAgo(80) }))).body as TKitchenWebhookResult;
    assert.equal(fourth.escalation, null, 'once per window');
    assert.equal((await followups()).length, 1);
  });

  test('a rodent plans a follow-up at once; above the higher threshold a case lead is made, once', async () => {
    const rodent = await deliver(event({ cameraId: 'CAM-B1', eventType: 'rodent', occurredAt: minutesAgo(5) }));
    assert.equal((rodent.body as TKitchenWebhookResult).escalation, 'followup');
    let last: TKitchenWebhookResult | undefined;
    const seen: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await deliver(
        event({ cameraId: 'CAM-C1', eventType: 'smoking', occurredAt: minutesAgo(1000 - i * 60) }),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      last = r.body as TKitchenWebhookResult;
      seen.push(last.escalation);
    }
    assert.deepEqual(seen, [null, null, 'followup', null, null, 'caseLead', null]);
    const leads = await app.testDb.db.query<{ ref: string; summary: string }>(
      `SELECT source_ref AS ref, summary FROM case_leads WHERE source_ref LIKE 'KA%'`,
    );
    assert.equal(leads.length, 1);
    assert.match(leads[0]!.summary, /吸烟/);
  });

  test('alerts are listed per station in reach and handled through the workflow with a note and an audit row', async () => {
    const mine = await chief.get<Page<TKitchenAlert>>('/api/v1/food/kitchen/alerts?status=new');
    assert.equal(mine.status, 200);
    assert.ok(mine.body.items.length >= 5);
    const theirs = await otherChief.get<Page<TKitchenAlert>>('/api/v1/food/kitchen/alerts');
    assert.equal(theirs.body.items.length, 0);
    assert.equal((await hotline.get('/api/v1/food/kitchen/alerts')).status, 403);
    const a = mine.body.items[0]!;
    const noNote = await inspector.post(`/api/v1/food/kitchen/alerts/${a.id}/transition`, {
      action: 'handle',
      version: a.version,
    });
    assert.equal(noNote.status, 422);
    assert.equal(
      (
        await otherChief.post(`/api/v1/food/kitchen/alerts/${a.id}/transition`, {
          action: 'handle',
          note: 'x',
          version: a.version,
        })
      ).status,
      404,
    );
    const done = await inspector.post<TKitchenAlert>(`/api/v1/food/kitchen/alerts/${a.id}/transition`, {
      action: 'handle',
      note: '已电话责令整改，店方已补戴工作帽',
      version: a.version,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'handled');
    assert.equal(done.body.handledByName !== null, true);
    const twice = await inspector.post(`/api/v1/food/kitchen/alerts/${a.id}/transition`, {
      action: 'ignore',
      note: '误报',
      version: done.body.version,
    });
    assert.equal(twice.status, 409);
    const audit = await app.testDb.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'food.kitchen.alert.handle' AND target_id = $1`,
      [String(a.id)],
    );
    assert.equal(audit.length, 1);
  });

  test('the inbox lists unhandled alerts in reach; stats give the enrollment rate per station', async () => {
    const inbox = await chief.get<TInbox>('/api/v1/inbox');
    assert.equal(inbox.status, 200);
    const all = JSON.stringify(inbox.body);
    assert.match(all, /"module":"kitchen"/);
    const other = await otherChief.get<TInbox>('/api/v1/inbox');
    assert.doesNotMatch(JSON.stringify(other.body), /"module":"kitchen"/);
    const stats = await chief.get<TKitchenStats>('/api/v1/food/kitchen/stats');
    assert.equal(stats.status, 200);
    const s01 = stats.body.stations.find((s) => s.openAlerts > 0)!;
    assert.ok(s01.alerts30d >= s01.openAlerts);
  });

  test('two identical deliveries at once store one alert', async () => {
    const e = event({ cameraId: 'CAM-A2', eventType: 'phone', occurredAt: minutesAgo(2) });
    const before = await counts();
    const [x, y] = await Promise.all([deliver(e), deliver(e)]);
    assert.deepEqual([x.status, y.status].sort(), [201, 409]);
    const after = await counts();
    assert.equal(after.events, before.events + 1);
    assert.equal(after.alerts, before.alerts + 1);
    // Two different events of one camera and type at once fold into one burst.
    const [p, q] = await Promise.all([
      deliver(event({ cameraId: 'CAM-A2', eventType: 'noUniform', occurredAt: minutesAgo(2) })),
      deliver(event({ cameraId: 'CAM-A2', eventType: 'noUniform', occurredAt: minutesAgo(1) })),
    ]);
    assert.equal((p.body as TKitchenWebhookResult).alertId, (q.body as TKitchenWebhookResult).alertId);
  });

  test('a rotated key verifies at once; the old one only during its grace period', async () => {
    const old = vendor.secret;
    assert.equal(
      (await chief.post(`/api/v1/food/kitchen/vendors/${vendor.id}/rotate-secret`, { version: vendor.version })).status,
      403,
    );
    const graced = await admin.post<TKitchenVendorWithSecret>(
      `/api/v1/food/kitchen/vendors/${vendor.id}/rotate-secret`,
      {
        version: vendor.version,
        graceHours: 24,
      },
    );
    assert.equal(graced.status, 200, JSON.stringify(graced.body));
    assert.notEqual(graced.body.secret, old);
    assert.equal((await deliver(event({ cameraId: 'CAM-A2', eventType: 'other' }), { secret: old })).status, 201);
    assert.equal(
      (await deliver(event({ cameraId: 'CAM-A2', eventType: 'other' }), { secret: graced.body.secret })).status,
      201,
    );
    const stale = await admin.post(`/api/v1/food/kitchen/vendors/${vendor.id}/rotate-secret`, {
      version: vendor.version,
    });
    assert.equal(stale.status, 409);
    const now = await admin.post<TKitchenVendorWithSecret>(`/api/v1/food/kitchen/vendors/${vendor.id}/rotate-secret`, {
      version: graced.body.version,
      graceHours: 0,
    });
    const before = await counts();
    assert.equal((await deliver(event({ cameraId: 'CAM-A2' }), { secret: graced.body.secret })).status, 401);
    assert.deepEqual(await counts(), before);
    assert.equal(
      (await deliver(event({ cameraId: 'CAM-A2', eventType: 'smoking' }), { secret: now.body.secret })).status,
      201,
    );
  });
});
