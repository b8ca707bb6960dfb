import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { complaintNoticeUrl } from '../../domain/complaint-notices.ts';

type Intake = { items: { id: number; trackingCode: string }[] };
type Problem = { status: number; code: string; detail: string };

describe('12315 notices (告知书) as PDF', () => {
  let app: TestApp;
  let hotline: ApiClient;
  let s01: ApiClient;
  let s02: ApiClient;
  let entity: TEntityDetail;

  before(async () => {
    app = await startTestApp();
    hotline = await loginAs(app, 'hotline');
    s01 = await loginAs(app, 's01.inspector');
    s02 = await loginAs(app, 's02.inspector');
    const admin = await loginAs(app, 'admin');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const s01Id = units.find((u) => u.code === 's01')!.id;
    entity = (
      await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name: '佛山市南海区桂城好味餐饮店', stationId: s01Id }),
      )
    ).body;
  });
  after(() => app.close());

  const intake = async () => {
    const res = await hotline.post<Intake>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '张三', phone: '13912345678' },
      categoryCode: 'service.catering',
      description: '在店内就餐后发现菜品变质，要求退款。',
      business: { entityId: entity.id },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.items[0]!;
  };
  const step = async (id: number, body: Record<string, unknown>) => {
    const current = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${id}`)).body;
    const res = await s01.post<TComplaintDetail>(`/api/v1/complaints/${id}/transitions`, {
      version: current.version,
      ...body,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const pdfOf = (client: ApiClient, url: string) =>
    fetch(`${app.baseUrl}${url}`, { headers: { cookie: client.cookie } });

  test('an accepted complaint prints its 受理告知书, with the tracking code, audited', async () => {
    const item = await intake();
    await step(item.id, { action: 'accept' });
    const res = await pdfOf(s01, complaintNoticeUrl(item.id, 'acceptance'));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      new RegExp(`^inline; .*filename\\*=UTF-8''${encodeURIComponent(`投诉受理告知书（${item.trackingCode}）.pdf`)}`),
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+Noto/);
    assert.ok(pdf.toString('latin1').includes(`(${item.trackingCode})`), 'tracking code in the document');
    const audit = await app.services.db.query<{ detail: { kind: string } }>(
      `SELECT detail FROM audit_log WHERE action = 'complaint.notice.print' AND target_id = $1`,
      [String(item.id)],
    );
    assert.deepEqual(
      audit.map((a) => a.detail.kind),
      ['acceptance'],
    );
    // Not terminated yet: the 终止调解告知书 is not available.
    const early = await s01.get<Problem>(complaintNoticeUrl(item.id, 'termination'));
    assert.equal(early.status, 409);
    assert.match(early.body.detail, /尚未“终止调解”.*终止调解告知书/);
    await step(item.id, { action: 'terminateMediation', ground: 'no-agreement-possible', reason: '被投诉人拒绝退款' });
    assert.equal((await pdfOf(s01, complaintNoticeUrl(item.id, 'termination'))).status, 200);
    // Still printable after the item moved on.
    assert.equal((await pdfOf(s01, complaintNoticeUrl(item.id, 'acceptance'))).status, 200);
  });

  test('a complaint not yet decided answers 409 in Chinese; a rejected one prints 不予受理告知书', async () => {
    const item = await intake();
    const res = await s01.get<Problem>(complaintNoticeUrl(item.id, 'acceptance'));
    assert.equal(res.status, 409);
    assert.equal(res.body.code, 'INVALID_STATE');
    assert.match(res.body.detail, /尚未“受理”（当前状态：待受理），不能打印投诉受理告知书/);
    await step(item.id, { action: 'reject', ground: 'identity', reason: '拒不配合身份核验' });
    const rejected = await pdfOf(s01, complaintNoticeUrl(item.id, 'rejection'));
    assert.equal(rejected.status, 200);
    assert.equal((await s01.get(complaintNoticeUrl(item.id, 'acceptance'))).status, 409);
  });

  test('out of scope is 404; an unknown kind is 422', async () => {
    const item = await intake();
    await step(item.id, { action: 'accept' });
    assert.equal((await s02.get(complaintNoticeUrl(item.id, 'acceptance'))).status, 404);
    assert.equal((await s01.get(`/api/v1/complaints/${item.id}/notices/other.pdf`)).status, 422);
  });
});
