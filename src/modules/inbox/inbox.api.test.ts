import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TInbox, TInboxItem } from '../../contracts/inbox.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

const has = (items: TInboxItem[], module: string, id: number) => items.some((i) => i.module === module && i.id === id);

/**
 * 我的待办: a 12315 item whose 受理 clock ran out long ago and a case past its decision clock show as overdue for
 * those whose scope reaches them, and for nobody else; a case due today shows under 今日到期.
 */
describe('work inbox: one query over every module, in the caller scope', () => {
  let app: TestApp;
  let admin: ApiClient;
  let hotline: ApiClient;
  let s01Chief: ApiClient;
  let s01Inspector: ApiClient;
  let s02Chief: ApiClient;
  let self: ApiClient;
  const ids = { complaint: 0, overdueCase: 0, todayCase: 0 };
  const today = shanghaiToday();

  const inbox = async (client: ApiClient) => {
    const res = await client.get<TInbox>('/api/v1/inbox?limit=50');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    hotline = await loginAs(app, 'hotline');
    s01Chief = await loginAs(app, 's01.chief');
    s01Inspector = await loginAs(app, 's01.inspector');
    s02Chief = await loginAs(app, 's02.chief');
    self = (
      await selfScopedUser(app, admin, {
        username: 's01.inboxself',
        unitCode: 's01',
        permissions: ['complaint:read', 'complaint:write', 'case:read'],
      })
    ).client;
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const s01 = units.find((u) => u.code === 's01')!.id;
    const entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01 }))).body;
    const filed = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '测试', phone: '13900000000' },
      business: { entityId: entity.id },
      description: '逾期未受理：洗衣店洗坏羽绒服拒不赔偿。',
      receivedOn: '2025-03-10',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    ids.complaint = filed.body.items[0]!.id;
    const db = app.testDb.db;
    ids.overdueCase = await insertCase(db, {
      status: 'investigating',
      filedOn: '2026-01-05',
      decisionDueOn: '2026-04-05',
    });
    ids.todayCase = await insertCase(db, { status: 'investigating', filedOn: '2026-09-01', decisionDueOn: today });
  });
  after(() => app.close());

  test('the station chief sees the overdue 12315 step and case of the station, and the case due today', async () => {
    const box = await inbox(s01Chief);
    assert.equal(box.today, today);
    const step = box.groups.overdue.find((i) => i.module === 'complaints' && i.id === ids.complaint);
    assert.ok(step, JSON.stringify(box.groups.overdue));
    assert.equal(step.kind, 'acceptance');
    assert.equal(step.link, `/complaints/${ids.complaint}`);
    assert.ok(step.dueOn! < today);
    assert.ok(has(box.groups.overdue, 'cases', ids.overdueCase));
    assert.ok(has(box.groups.dueToday, 'cases', ids.todayCase));
    assert.ok(!has(box.groups.overdue, 'cases', ids.todayCase));
    assert.ok(box.counts.overdue >= 2 && box.counts.dueToday >= 1);
    assert.deepEqual(box.modules.sort(), [
      'cases',
      'complaints',
      'drug-sales',
      'equipment',
      'equipment-hazards',
      'food',
      'food-appeals',
      'food-honour',
      'food-plan',
      'food-sampling',
      'kitchen',
      'pharmacies',
      'product-quality',
      'product-recalls',
      'spot-checks',
    ]);
  });

  test('the inspector of the station and the district-wide 12315 handler see the step too', async () => {
    assert.ok(has((await inbox(s01Inspector)).groups.overdue, 'complaints', ids.complaint));
    const hotlineBox = await inbox(hotline);
    assert.ok(has(hotlineBox.groups.overdue, 'complaints', ids.complaint));
    assert.deepEqual(hotlineBox.modules, ['complaints']);
    assert.ok(has((await inbox(admin)).groups.overdue, 'cases', ids.overdueCase));
  });

  test('reading is not work: the credit clerk is not handed 12315 steps; the leader watches them; a reviewer sees no clocks', async () => {
    const clerk = await inbox(await loginAs(app, 'credit.staff'));
    assert.ok(!has(clerk.groups.overdue, 'complaints', ids.complaint));
    assert.ok(!clerk.modules.includes('complaints'), JSON.stringify(clerk.modules));
    assert.ok(has(clerk.groups.overdue, 'cases', ids.overdueCase), 'the clerk works cases');
    const leader = await inbox(await loginAs(app, 'leader'));
    assert.ok(has(leader.groups.overdue, 'complaints', ids.complaint));
    assert.ok(has(leader.groups.overdue, 'cases', ids.overdueCase));
    assert.ok(!leader.modules.includes('credit'), "credit decisions are not the leader's");
    const reviewer = await inbox(await loginAs(app, 'legal'));
    assert.equal(reviewer.counts.overdue, 0);
    assert.equal(reviewer.groups.overdue.length, 0);
  });

  test('another station and a self-scoped colleague see neither, not even in the counts', async () => {
    const other = await inbox(s02Chief);
    assert.ok(!has(other.groups.overdue, 'complaints', ids.complaint));
    assert.ok(!has(other.groups.overdue, 'cases', ids.overdueCase));
    assert.ok(!has(other.groups.dueToday, 'cases', ids.todayCase));
    const mine = await inbox(self);
    assert.deepEqual(mine.counts, { overdue: 0, dueToday: 0, dueWeek: 0, approvals: 0 });
  });

  test('a met clock leaves the inbox: accepting the item moves it to its mediation clock, not yet due', async () => {
    const { version } = (await hotline.get<{ version: number }>(`/api/v1/complaints/${ids.complaint}`)).body;
    const res = await hotline.post(`/api/v1/complaints/${ids.complaint}/transitions`, { action: 'accept', version });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const box = await inbox(s01Chief);
    const steps = [...box.groups.overdue, ...box.groups.dueToday, ...box.groups.dueWeek].filter(
      (i) => i.module === 'complaints' && i.id === ids.complaint,
    );
    assert.ok(
      steps.every((s) => s.kind !== 'acceptance'),
      JSON.stringify(steps),
    );
  });

  test('team workload for the dashboard holders; system figures for those who read the login log', async () => {
    const team = await s01Chief.get<{ members: unknown[]; modules: string[] }>('/api/v1/inbox/team');
    assert.equal(team.status, 200, JSON.stringify(team.body));
    assert.deepEqual(team.body.modules.sort(), ['cases', 'complaints']);
    assert.equal((await s01Inspector.get('/api/v1/inbox/team')).status, 403);
    type Summary = {
      database: { sizeBytes: number };
      failedLoginsToday: number;
      jobs: { queued: number };
      audit: { headId: number };
    };
    const before = (await admin.get<Summary>('/api/v1/system/summary')).body;
    // Each figure comes from its own module: a wrong password, a queued job and an audited write move them.
    assert.equal((await new ApiClient(app.baseUrl).login('s01.chief', 'wrong-password')).status, 401);
    await app.services.jobs.enqueue({ kind: 'credit.recompute', payload: {} });
    const summary = await admin.get<Summary>('/api/v1/system/summary');
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    assert.ok(summary.body.database.sizeBytes > 0);
    assert.equal(summary.body.failedLoginsToday, before.failedLoginsToday + 1);
    assert.equal(summary.body.jobs.queued, before.jobs.queued + 1);
    assert.ok(summary.body.audit.headId > 0, 'the audit chain has a head');
    assert.equal((await s01Chief.get('/api/v1/system/summary')).status, 403);
  });

  test('the limit is checked: 0 or more than 50 answers 422 with the field named', async () => {
    const res = await s01Chief.get<{ errors: { path: string }[] }>('/api/v1/inbox?limit=0');
    assert.equal(res.status, 422);
    assert.ok(res.body.errors.some((e) => e.path.includes('limit')));
  });
});
