import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { addWorkingDays, packagedCalendar } from '../../domain/working-days.ts';

type Intake = { items: { id: number; trackingCode: string; kind: string; stationName: string }[] };
type Problem = { code: string; errors: { path: string; message: string }[] };

const person = { name: '张三', phone: '13912345678' };
const complaintBody = (extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  channel: 'phone',
  person,
  categoryCode: 'service.catering',
  amountFen: 12_800,
  description: '在店内就餐后发现菜品变质，要求退款并赔偿。',
  ...extra,
});

describe('12315 API: intake, routing, clocks, workflow, privacy, portal', () => {
  let app: TestApp;
  let hotline: ApiClient;
  let s01: ApiClient;
  let entity: TEntityDetail;
  let stations: Record<string, number>;

  before(async () => {
    app = await startTestApp();
    hotline = await loginAs(app, 'hotline');
    s01 = await loginAs(app, 's01.inspector');
    const admin = await loginAs(app, 'admin');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    stations = Object.fromEntries(units.map((u) => [u.code, u.id]));
    entity = (
      await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name: '佛山市南海区桂城好味餐饮店', stationId: stations.s01 }),
      )
    ).body;
  });
  after(() => app.close());

  const intake = async (body: Record<string, unknown>) => {
    const res = await hotline.post<Intake>('/api/v1/complaints', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.items;
  };

  test('a complaint about a registered business goes to its station with a 7-working-day acceptance clock', async () => {
    const [item] = await intake(complaintBody({ business: { uscc: entity.uscc }, receivedOn: '2025-09-26' }));
    assert.equal(item!.stationName, '桂城市场监管所');
    const detail = (await hotline.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    assert.equal(detail.ruleSet.code, 'samr-order-20');
    assert.deepEqual(
      detail.deadlines.map((d) => [d.step, d.dueOn]),
      [['acceptance', '2025-10-13']],
    );
    assert.equal(detail.businessName, '佛山市南海区桂城好味餐饮店');
  });

  test('items received since 2026-04-15 follow and cite Order 121', async () => {
    const [item] = await intake(complaintBody({ business: { entityId: entity.id }, receivedOn: '2026-04-15' }));
    const detail = (await hotline.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    assert.equal(detail.ruleSet.code, 'samr-order-121');
    assert.match(detail.ruleSet.citation, /第121号/);
  });

  test('a submission that is both complaint and report becomes two linked records with their own clocks', async () => {
    const items = await intake(complaintBody({ kind: 'complaintAndReport', business: { entityId: entity.id } }));
    assert.deepEqual(
      items.map((i) => i.kind),
      ['complaint', 'report'],
    );
    const [a, b] = await Promise.all(items.map((i) => hotline.get<TComplaintDetail>(`/api/v1/complaints/${i.id}`)));
    assert.equal(a!.body.linkedId, items[1]!.id);
    assert.equal(b!.body.linkedId, items[0]!.id);
    assert.deepEqual(
      b!.body.deadlines.map((d) => d.step),
      ['reportVerification'],
    );
  });

  test('without a registered business the address routes it; otherwise the 12315 centre dispatches', async () => {
    const [byAddress] = await intake(
      complaintBody({ business: { name: '无名小吃摊', address: '南海区里水镇新兴路8号' } }),
    );
    assert.equal(byAddress!.stationName, '里水市场监管所');
    const [unknown] = await intake(complaintBody({ business: { name: '某网店' } }));
    assert.equal(unknown!.stationName, '12315投诉举报中心');
  });

  test('bad input is a 422 naming the field and creates nothing', async () => {
    const [{ n: before }] = (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')) as [
      { n: number },
    ];
    const unregistered = makeEntity().uscc;
    const cases: [Record<string, unknown>, string][] = [
      [complaintBody({ business: { uscc: unregistered } }), 'business.uscc'],
      [complaintBody({ person: { name: '李四', phone: '12345' } }), 'person.phone'],
      [complaintBody({ description: '太短' }), 'description'],
      [complaintBody({ categoryCode: 'no.such' }), 'categoryCode'],
      [complaintBody({ person: { ...person, idNumber: '440605198504121230' } }), 'person.idNumber'],
    ];
    for (const [body, path] of cases) {
      const res = await hotline.post<Problem>('/api/v1/complaints', body);
      assert.equal(res.status, 422, path);
      assert.equal(res.body.errors[0]?.path, path);
    }
    const [{ n: after }] = (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints')) as [
      { n: number },
    ];
    assert.equal(after, before);
  });

  test('accept → mediate → succeed → feedback → closed; an illegal step is 409 INVALID_STATE', async () => {
    const [item] = await intake(complaintBody({ business: { entityId: entity.id }, receivedOn: '2025-03-03' }));
    const step = async (body: Record<string, unknown>) => {
      const current = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
      return s01.post<TComplaintDetail & Problem>(`/api/v1/complaints/${item!.id}/transitions`, {
        version: current.version,
        ...body,
      });
    };
    const accepted = await step({ action: 'accept' });
    assert.equal(accepted.body.status, 'accepted');
    const mediation = accepted.body.deadlines.find((d) => d.step === 'mediation');
    assert.ok(mediation && mediation.dueOn > accepted.body.receivedOn);
    assert.equal((await step({ action: 'accept' })).body.code, 'INVALID_STATE');
    assert.equal((await step({ action: 'startMediation' })).body.status, 'mediating');
    const noAmount = await step({ action: 'mediationSucceeded' });
    assert.equal(noAmount.status, 422);
    assert.equal(noAmount.body.errors[0]?.path, 'recoveredFen');
    const ok = await step({ action: 'mediationSucceeded', recoveredFen: 12_800 });
    assert.equal(ok.body.recoveredFen, 12_800);
    assert.ok(ok.body.deadlines.find((d) => d.step === 'mediation')?.metAt);
    const closed = await step({ action: 'feedback', feedbackText: '已电话告知调解结果', feedbackChannel: 'phone' });
    assert.equal(closed.body.status, 'closed');
    assert.deepEqual(closed.body.allowedActions, []);
  });

  test('not accepting needs one of the rule set’s grounds', async () => {
    const [item] = await intake(complaintBody({ business: { entityId: entity.id } }));
    const detail = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    const bad = await s01.post<Problem>(`/api/v1/complaints/${item!.id}/transitions`, {
      action: 'reject',
      ground: 'because',
      version: detail.version,
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'ground');
    const ok = await s01.post<TComplaintDetail>(`/api/v1/complaints/${item!.id}/transitions`, {
      action: 'reject',
      ground: 'identity',
      reason: '拒不配合身份核验',
      version: detail.version,
    });
    assert.equal(ok.body.status, 'rejected');
    assert.equal(ok.body.groundCode, 'identity');
  });

  test('a report: verification extended once, then 立案（诉转案） creates a case lead; the reporter notice clock waits for the case’s 立案', async () => {
    const [item] = await intake(
      complaintBody({ kind: 'report', business: { entityId: entity.id }, receivedOn: '2025-06-03' }),
    );
    let d = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    const firstDue = d.deadlines[0]!.dueOn;
    d = (
      await s01.post<TComplaintDetail>(`/api/v1/complaints/${item!.id}/transitions`, {
        action: 'extendVerification',
        reason: '需现场核查',
        version: d.version,
      })
    ).body;
    assert.equal(d.deadlines[0]!.dueOn, addWorkingDays(packagedCalendar, firstDue, 15).date);
    const twice = await s01.post<Problem>(`/api/v1/complaints/${item!.id}/transitions`, {
      action: 'extendVerification',
      reason: '再次延长',
      version: d.version,
    });
    assert.equal(twice.status, 409);
    d = (
      await s01.post<TComplaintDetail>(`/api/v1/complaints/${item!.id}/transitions`, {
        action: 'openCase',
        version: d.version,
      })
    ).body;
    assert.equal(d.status, 'caseOpened');
    assert.match(d.caseLeadRef ?? '', /^AY\d{8}$/);
    // The reporter is told within 5 working days of 立案, which the case module records later: no clock yet.
    assert.equal(
      d.deadlines.find((x) => x.step === 'reporterNotice'),
      undefined,
    );
    const leads = await app.testDb.db.query(`SELECT 1 FROM case_leads WHERE source_ref = $1`, [d.trackingCode]);
    assert.equal(leads.length, 1);
  });

  test('identity and contacts: masked for everyone, revealed to the owning station’s handler, invisible elsewhere', async () => {
    const [item] = await intake(complaintBody({ business: { entityId: entity.id } }));
    const handler = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    assert.deepEqual(
      [handler.personName, handler.personPhone, handler.canRevealIdentity],
      ['张*', '139****5678', true],
    );
    const revealed = await s01.post<{ phone: string }>(`/api/v1/complaints/${item!.id}/identity`, {
      reason: '电话回访',
    });
    assert.equal(revealed.body.phone, person.phone);
    const leader = (await (await loginAs(app, 'leader')).get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    assert.equal(leader.personPhone, '139****5678');
    assert.equal(leader.personName, '张*');
    assert.equal(leader.canRevealIdentity, false);
    const other = await loginAs(app, 's02.inspector');
    assert.equal((await other.get(`/api/v1/complaints/${item!.id}`)).status, 404);
    const audit = await app.testDb.db.query<{ d: string }>(
      `SELECT detail::text AS d FROM audit_log WHERE action LIKE 'complaint.%'`,
    );
    assert.ok(
      audit.every((r) => !r.d.includes(person.phone) && !r.d.includes(person.name)),
      'no personal data in the audit log',
    );
  });

  test('overdue items are escalated once to the station chief', async () => {
    const [item] = await intake(complaintBody({ business: { entityId: entity.id } }));
    await app.testDb.db.query(`UPDATE complaint_deadlines SET due_on = '2020-01-02' WHERE complaint_id = $1`, [
      item!.id,
    ]);
    const first = await app.services.complaintWorkflow.escalateOverdue();
    assert.ok(first.escalated >= 1);
    await app.services.complaintWorkflow.escalateOverdue();
    const d = (await s01.get<TComplaintDetail>(`/api/v1/complaints/${item!.id}`)).body;
    assert.equal(d.escalationLevel, 1);
    assert.equal(d.events.filter((e) => e.action === 'escalate').length, 1);
    assert.equal(d.overdue, true);
    const queue = (await s01.get<{ items: { id: number }[] }>('/api/v1/complaints?overdue=true&limit=200')).body;
    assert.ok(queue.items.some((i) => i.id === item!.id));
  });

  test('the public submits without login; a repeated Idempotency-Key makes one record; tracking needs the phone', async () => {
    const anon = new ApiClient(app.baseUrl);
    const body = {
      kind: 'complaint',
      person: { name: '王五', phone: '13700001111' },
      business: { entityId: entity.id },
      description: '购买的预付卡无法使用，商家拒绝退款。',
    };
    const key = { 'idempotency-key': 'portal-test-key-0001' };
    const first = await anon.request<Intake>('POST', '/api/v1/public/complaints', body, key);
    const again = await anon.request<Intake>('POST', '/api/v1/public/complaints', body, key);
    assert.equal(first.status, 201);
    assert.equal(again.status, 200);
    assert.equal(again.body.items[0]!.trackingCode, first.body.items[0]!.trackingCode);
    const code = first.body.items[0]!.trackingCode;
    const rows = await app.testDb.db.query(`SELECT 1 FROM complaints WHERE person_phone = '13700001111'`);
    assert.equal(rows.length, 1);
    const tracked = await anon.post<{ statusLabel: string; stationName: string }>('/api/v1/public/complaints/track', {
      trackingCode: code,
      phoneLast4: '1111',
    });
    assert.equal(tracked.status, 200);
    assert.equal(tracked.body.statusLabel, '待受理');
    const wrong = await anon.post('/api/v1/public/complaints/track', { trackingCode: code, phoneLast4: '9999' });
    assert.equal(wrong.status, 404);
  });
});
