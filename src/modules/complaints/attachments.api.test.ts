import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';

type Uploaded = { token: string; filename: string; sizeBytes: number; sha256: string };
type Problem = { code: string; errors: { path: string; message: string }[] };
type Intake = { items: { id: number }[] };

const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 3)]);
const pdf = Buffer.from('%PDF-1.7 receipt of the prepaid card');

/** A multipart upload through the real HTTP stack, as the web and portal send it. */
async function upload<T>(client: ApiClient, path: string, bytes: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  const headers: Record<string, string> = client.cookie
    ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken }
    : {};
  const res = await fetch(`${client.baseUrl}${path}`, { method: 'POST', body: form, headers });
  return { status: res.status, body: (await res.json()) as T };
}

describe('12315 attachments: upload, claim at intake, add, transfer, limits', () => {
  let app: TestApp;
  let hotline: ApiClient;
  let s01: ApiClient;
  let s02: ApiClient;
  let admin: ApiClient;
  let entity: TEntityDetail;
  let stations: Record<string, number>;
  const count = async (table: string) =>
    (await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  before(async () => {
    app = await startTestApp({ env: { FILE_MAX_BYTES: '4096', PUBLIC_UPLOAD_RATE_LIMIT_PER_MINUTE: '3' } });
    hotline = await loginAs(app, 'hotline');
    s01 = await loginAs(app, 's01.inspector');
    s02 = await loginAs(app, 's02.inspector');
    admin = await loginAs(app, 'admin');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.map((u) => [u.code, u.id]));
    entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: stations.s01 }))).body;
  });
  after(() => app.close());

  const body = (attachments: string[]) => ({
    kind: 'complaint',
    channel: 'phone',
    person: { name: '张三', phone: '13912345678' },
    business: { entityId: entity.id },
    description: '购买的商品有质量问题，商家拒绝退货，附购物小票。',
    attachments,
  });

  test('staff intake claims its uploads once; the station sees name, size, SHA-256 and downloads the file', async () => {
    const up = await upload<Uploaded>(hotline, '/api/v1/complaints/uploads', png, '小票.png');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const res = await hotline.post<Intake>('/api/v1/complaints', body([up.body.token]));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const detail = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${res.body.items[0]!.id}`)).body;
    assert.deepEqual(
      detail.attachments.map((a) => [a.filename, a.sizeBytes, a.sha256]),
      [['小票.png', png.length, up.body.sha256]],
    );
    const file = await fetch(`${app.baseUrl}/api/v1/files/${detail.attachments[0]!.id}`, {
      headers: { cookie: s01.cookie },
    });
    assert.equal(file.status, 200);
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), png);
    assert.equal((await s02.get(`/api/v1/files/${detail.attachments[0]!.id}`)).status, 404);

    const before = await count('complaints');
    const reused = await hotline.post<Problem>('/api/v1/complaints', body([up.body.token]));
    assert.equal(reused.status, 422);
    assert.equal(reused.body.errors[0]?.path, 'attachments');
    assert.equal(await count('complaints'), before, 'a refused claim rolls the whole intake back');
  });

  test('the portal uploads without login, rate-limited, and the submission links the file', async () => {
    const anon = new ApiClient(app.baseUrl);
    const up = await upload<Uploaded>(anon, '/api/v1/public/complaints/uploads', pdf, 'receipt.pdf');
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const { channel: _, ...publicBody } = body([up.body.token]);
    const res = await anon.request<Intake>('POST', '/api/v1/public/complaints', publicBody);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const detail = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${res.body.items[0]!.id}`)).body;
    assert.deepEqual(
      detail.attachments.map((a) => [a.filename, a.mimeType]),
      [['receipt.pdf', 'application/pdf']],
    );
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await upload(anon, '/api/v1/public/complaints/uploads', pdf, 'again.pdf')).status);
    assert.deepEqual(statuses, [201, 201, 429]);
  });

  test('an oversized file is a 422 naming file and changes nothing', async () => {
    const [item] = (await hotline.post<Intake>('/api/v1/complaints', body([]))).body.items;
    const [files, events] = [await count('stored_files'), await count('complaint_events')];
    const big = Buffer.concat([png, Buffer.alloc(5000)]);
    for (const path of ['/api/v1/complaints/uploads', `/api/v1/complaints/${item!.id}/attachments`]) {
      const res = await upload<Problem>(s01, path, big, 'big.png');
      assert.equal(res.status, 422, path);
      assert.equal(res.body.errors[0]?.path, 'file');
    }
    assert.deepEqual([await count('stored_files'), await count('complaint_events')], [files, events]);
  });

  test('handlers add files to their item; a transfer takes the files to the new station', async () => {
    const [item] = (await hotline.post<Intake>('/api/v1/complaints', body([]))).body.items;
    assert.equal((await upload(s02, `/api/v1/complaints/${item!.id}/attachments`, png, 'x.png')).status, 404);
    const added = await upload<TComplaintDetail>(s01, `/api/v1/complaints/${item!.id}/attachments`, pdf, '现场.pdf');
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal(added.body.attachments.length, 1);
    assert.ok(added.body.events.some((e) => e.action === 'attach' && e.note === '现场.pdf'));
    const fileId = added.body.attachments[0]!.id;

    const moved = await admin.post<TComplaintDetail>(`/api/v1/complaints/${item!.id}/reassign`, {
      stationId: stations.s02,
      version: added.body.version,
      reason: '经营场所属于里水',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await s02.get(`/api/v1/files/${fileId}`)).status, 200);
    assert.equal((await s01.get(`/api/v1/files/${fileId}`)).status, 404);

    const verify = await admin.get<{ ok: boolean }>('/api/v1/audit/verify');
    assert.equal(verify.body.ok, true);
  });
});
