import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { makeIdCard } from '../../domain/id-card.ts';

type Intake = { items: { id: number; trackingCode: string }[] };
type Identity = { name: string; phone: string; idNumber: string | null };

const idNumber = makeIdCard('440605', '19880808', '246');

describe('12315 privacy: identity revealed on demand, tracking without URLs, masked text on the portal', () => {
  let app: TestApp;
  let hotline: ApiClient;
  let s01: ApiClient;
  let entity: TEntityDetail;
  before(async () => {
    app = await startTestApp();
    hotline = await loginAs(app, 'hotline');
    s01 = await loginAs(app, 's01.chief');
    const admin = await loginAs(app, 'admin');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const s01Id = units.find((u) => u.code === 's01')!.id;
    entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01Id }))).body;
  });
  after(() => app.close());

  const intake = async (confidential: boolean, kind = 'report') => {
    const res = await hotline.post<Intake>('/api/v1/complaints', {
      kind,
      channel: 'phone',
      person: { name: '欧阳明', phone: '13566667777', idNumber, confidential },
      business: { entityId: entity.id },
      description: '该店销售过期食品，请依法查处。',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.items[0]!;
  };
  const reveal = (client: ApiClient, id: number, reason: string) =>
    client.post<Identity & { code?: string }>(`/api/v1/complaints/${id}/identity`, { reason });

  test('every role sees the identity masked; the owning unit and the 12315 centre reveal it, admin never', async () => {
    const item = await intake(false);
    const admin = await loginAs(app, 'admin');
    for (const client of [s01, hotline, admin]) {
      const d = (await client.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body;
      assert.deepEqual(
        [d.personName, d.personPhone, d.personIdMasked],
        ['欧**', '135****7777', `440${'*'.repeat(11)}${idNumber.slice(-4)}`],
      );
    }
    const queue = (await s01.get<{ items: { id: number; personPhone: string }[] }>('/api/v1/complaints?limit=200'))
      .body;
    assert.equal(queue.items.find((i) => i.id === item.id)?.personPhone, '135****7777');

    const full = { name: '欧阳明', phone: '13566667777', idNumber };
    assert.deepEqual((await reveal(s01, item.id, '电话回访投诉人')).body, full);
    assert.deepEqual((await reveal(hotline, item.id, '12315回拨核实')).body, full);
    const refused = await reveal(admin, item.id, '系统维护检查');
    assert.equal(refused.status, 403);
    assert.equal((await admin.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body.canRevealIdentity, false);
    assert.equal((await reveal(await loginAs(app, 'leader'), item.id, '领导查看一下')).status, 403);
    assert.equal((await reveal(await loginAs(app, 's02.chief'), item.id, '查看其他所事项')).status, 404);
  });

  test('a confidential reporter is revealed to the owning unit only; the reason is checked and audited', async () => {
    const item = await intake(true);
    assert.equal((await hotline.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body.canRevealIdentity, false);
    assert.equal((await reveal(hotline, item.id, '12315回拨核实')).status, 403);
    const short = await reveal(s01, item.id, '看看');
    assert.equal(short.status, 422);
    assert.equal((await reveal(s01, item.id, '原'.repeat(201))).status, 422);
    const ok = await reveal(s01, item.id, '核查需联系举报人，电话13566667777');
    assert.equal(ok.body.phone, '13566667777');

    const audit = await app.testDb.db.query<{ actor: string; target: string; detail: string }>(
      `SELECT actor_name AS actor, target_id AS target, detail::text AS detail FROM audit_log
        WHERE action = 'complaint.identity.reveal' AND target_id = $1 ORDER BY id`,
      [String(item.id)],
    );
    assert.equal(audit.length, 1, 'refused and invalid attempts reveal nothing and are not reveals');
    assert.equal(audit[0]!.target, String(item.id));
    assert.match(audit[0]!.actor, /所长/);
    assert.match(audit[0]!.detail, /核查需联系举报人/);
    for (const secret of ['欧阳明', '13566667777', idNumber, idNumber.slice(6, 14)])
      assert.ok(!audit[0]!.detail.includes(secret), `${secret} must not be in the audit log`);
  });

  test('tracking: code and phone digits go in a POST body; the GET form with the URL is gone', async () => {
    const anon = new ApiClient(app.baseUrl);
    const { trackingCode } = await intake(false);
    const byBody = await anon.post<{ statusLabel: string }>('/api/v1/public/complaints/track', {
      trackingCode: trackingCode.toLowerCase(),
      phoneLast4: '7777',
    });
    assert.deepEqual([byBody.status, byBody.body.statusLabel], [200, '待受理']);
    const wrong = await anon.post<{ detail: string }>('/api/v1/public/complaints/track', {
      trackingCode,
      phoneLast4: '0000',
    });
    assert.deepEqual([wrong.status, wrong.body.detail], [404, '查询码或手机号后4位不正确']);
    assert.equal((await anon.get(`/api/v1/public/complaints/${trackingCode}?phoneLast4=7777`)).status, 404);
  });

  test('the portal shows staff-written result and feedback with phones and ID numbers masked', async () => {
    const anon = new ApiClient(app.baseUrl);
    const item = await intake(false, 'inquiry');
    let d = (await hotline.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body;
    d = (
      await hotline.post<TComplaintDetail>(`/api/v1/complaints/${item.id}/transitions`, {
        action: 'answer',
        version: d.version,
        answerText: `已电话答复（13566667777），证件${idNumber}已核对`,
      })
    ).body;
    const feedback = await hotline.post<TComplaintDetail>(`/api/v1/complaints/${item.id}/transitions`, {
      action: 'feedback',
      version: d.version,
      feedbackText: '已回复至邮箱 ouyang@example.com',
    });
    assert.equal(feedback.status, 200, JSON.stringify(feedback.body));
    const t = await anon.post<{ resultText: string; feedbackText: string; statusLabel: string }>(
      '/api/v1/public/complaints/track',
      { trackingCode: item.trackingCode, phoneLast4: '7777' },
    );
    assert.equal(t.body.statusLabel, '已办结');
    assert.equal(
      t.body.resultText,
      `已电话答复（135****7777），证件${idNumber.slice(0, 3)}${'*'.repeat(11)}${idNumber.slice(-4)}已核对`,
    );
    assert.equal(t.body.feedbackText, '已回复至邮箱 o***@example.com');
    const rate = await anon.post('/api/v1/public/complaints/satisfaction', {
      trackingCode: item.trackingCode,
      phoneLast4: '7777',
      satisfaction: 5,
    });
    assert.equal(rate.status, 200);
  });

  test('the public register of spot-check results masks a phone in a business or plan name, not the USCC', async () => {
    const { db } = app.testDb;
    await db.query(`UPDATE entities SET name = '南海区欧阳明五金店（13566667777）' WHERE id = $1`, [entity.id]);
    const [plan] = await db.query<{ id: number }>(
      `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id)
       SELECT '联系人0757-86123456的抽查计划', '2026-01-01', '2026-12-31', station_id FROM entities WHERE id = $1
       RETURNING id`,
      [entity.id],
    );
    await db.query(
      `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on,
         published_at)
       SELECT $1, id, station_id, '{}', '{}', 'published', '2026-01-05', now() FROM entities WHERE id = $2`,
      [plan!.id, entity.id],
    );
    const res = await fetch(`${app.baseUrl}/api/v1/public/spot-checks/results?q=${entity.uscc}`);
    const page = (await res.json()) as { items: { entityName: string; uscc: string; planName: string }[] };
    assert.deepEqual(page.items[0], {
      ...page.items[0],
      entityName: '南海区欧阳明五金店（135****7777）',
      planName: '联系人0757-****3456的抽查计划',
      uscc: entity.uscc,
    });
  });
});
