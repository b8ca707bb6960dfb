import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TApprovalInboxItem, TCaseDetail, TCaseListItem } from '../../contracts/cases.ts';
import { addDays } from '../../domain/case-clock.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { status: number; detail: string; errors: { path: string }[] };

describe('case clocks: decision clock, extensions, pauses, hearing notice, major cases', () => {
  let app: TestApp;
  let inspector: ApiClient;
  let chief: ApiClient;
  let leader: ApiClient;
  let shift = 0;
  const now = () => new Date(Date.now() + shift * 86_400_000);
  const today = () => shanghaiToday(now());

  before(async () => {
    app = await startTestApp({ now });
    [inspector, chief, leader] = await Promise.all([
      loginAs(app, 's01.inspector'),
      loginAs(app, 's01.chief'),
      loginAs(app, 'leader'),
    ]);
  });
  after(() => app.close());

  const detail = async (id: number) => (await inspector.get<TCaseDetail>(`/api/v1/cases/${id}`)).body;
  const step = async (id: number, body: Record<string, unknown>) => {
    const version = (await detail(id)).version;
    return inspector.post<TCaseDetail & Problem>(`/api/v1/cases/${id}/transitions`, { version, ...body });
  };
  const ok = async (id: number, body: Record<string, unknown>): Promise<TCaseDetail> => {
    const res = await step(id, body);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const approve = async (who: ApiClient, caseId: number) => {
    const inbox = await who.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals?mine=pending');
    const row = inbox.body.items.find((a) => a.caseId === caseId);
    assert.ok(row, `nothing waiting on case ${caseId}`);
    const res = await who.post(`/api/v1/case-approvals/${row.id}/decision`, { outcome: 'approved' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const listed = async (query: string) =>
    (await inspector.get<{ items: TCaseListItem[] }>(`/api/v1/cases?limit=200&${query}`)).body.items;

  test('a decision after the clock expired is refused; +30 once, further only by a collective decision', async () => {
    const filedOn = addDays(today(), -100);
    const id = await insertCase(app.testDb.db, { status: 'heard', officers: ['s01.inspector'], filedOn });
    assert.equal((await detail(id)).clock?.overdue, true);
    const late = await step(id, { action: 'decide', decisionKind: 'no_penalty' });
    assert.equal(late.status, 422);
    assert.equal(late.body.errors[0]?.path, 'deadline');
    assert.match(late.body.detail, /届满/);
    assert.equal((await detail(id)).pendingAction, null, 'nothing changed');

    await ok(id, { action: 'extend', reason: '案情复杂，需补充鉴定' });
    await approve(chief, id);
    await approve(leader, id);
    let c = await detail(id);
    assert.equal(c.decisionExtraDays, 30);
    assert.equal(c.clock?.dueOn, addDays(filedOn, 120));
    assert.equal(c.clock?.overdue, false);
    const again = await step(id, { action: 'extend', reason: '仍需时间' });
    assert.equal(again.status, 422);
    assert.match(again.body.detail, /集体讨论/);
    const noMinutes = await step(id, { action: 'extendCollective', reason: '仍需时间' });
    assert.equal(noMinutes.status, 422);
    await ok(id, { action: 'extendCollective', reason: '重大复杂', minutes: '局务会议纪要第12期', days: 20 });
    await approve(leader, id);
    c = await detail(id);
    assert.equal(c.decisionExtensions, 2);
    assert.equal(c.clock?.dueOn, addDays(filedOn, 140));
    assert.equal(c.steps.at(-1)?.data.days, 20);
    await ok(id, { action: 'decide', decisionKind: 'no_penalty' });
  });

  test('pauses move the due date: an open one counts up to today, a closed one by its length', async () => {
    const start = today();
    const id = await insertCase(app.testDb.db, {
      status: 'investigating',
      officers: ['s01.inspector'],
      filedOn: start,
    });
    await ok(id, { action: 'pauseClock', reason: '送检', pauseReason: 'testing' });
    const twice = await step(id, { action: 'suspend', reason: '另案处理' });
    assert.equal(twice.status, 422, 'one excluded period at a time');
    shift = 10;
    let c = await detail(id);
    assert.equal(c.clock?.paused, true);
    assert.equal(c.clock?.dueOn, addDays(start, 100));
    const item = (await listed(`stage=investigating`)).find((r) => r.id === id)!;
    assert.deepEqual(item.clock, c.clock, 'the list shows the same clock as the detail');
    await ok(id, { action: 'resumeClock' });
    shift = 15;
    c = await detail(id);
    assert.equal(c.clock?.paused, false);
    assert.equal(c.clock?.dueOn, addDays(start, 100));
    assert.equal(c.clock?.daysLeft, 85);
    await ok(id, { action: 'suspend', reason: '行政复议期间' });
    shift = 20;
    c = await ok(id, { action: 'resume' });
    assert.equal(c.status, 'investigating');
    assert.equal(c.clock?.dueOn, addDays(start, 105));
    assert.equal((await listed('stage=investigating')).find((r) => r.id === id)?.clock?.dueOn, addDays(start, 105));
    assert.deepEqual(
      c.pauses.map((p) => [p.reason, p.startedOn, p.endedOn]),
      [
        ['testing', start, addDays(start, 10)],
        ['suspension', addDays(start, 15), addDays(start, 20)],
      ],
    );
    shift = 0;
  });

  test('hearing: the right follows the thresholds; notice at least 7 days ahead; the hearing pauses the clock', async () => {
    const id = await insertCase(app.testDb.db, { status: 'reviewed', officers: ['s01.inspector'], filedOn: today() });
    const c = await ok(id, { action: 'notify', penalties: [{ kind: 'fine', amountFen: 150_000_00 }] });
    assert.equal(c.hearingRight, true);
    assert.equal(c.isMajor, true, '¥150,000 is at the 大要案 fine threshold');
    const soon = await step(id, { action: 'scheduleHearing', hearingOn: addDays(today(), 6) });
    assert.equal(soon.status, 422);
    assert.equal(soon.body.errors[0]?.path, 'hearingOn');
    const h = await ok(id, { action: 'scheduleHearing', hearingOn: addDays(today(), 7) });
    assert.equal(h.status, 'hearing');
    assert.equal(h.clock?.paused, true);
    const heard = await ok(id, { action: 'finishHearing', report: '听证笔录及听证报告' });
    assert.equal(heard.status, 'heard');
    assert.equal(heard.clock?.paused, false);

    const small = await insertCase(app.testDb.db, {
      status: 'reviewed',
      officers: ['s01.inspector'],
      filedOn: today(),
    });
    await ok(small, { action: 'notify', penalties: [{ kind: 'warning' }] });
    const refused = await step(small, { action: 'scheduleHearing', hearingOn: addDays(today(), 10) });
    assert.equal(refused.status, 422);
  });

  test('a major case must pass 集体讨论 before the notice', async () => {
    const id = await insertCase(app.testDb.db, { status: 'reviewed', officers: ['s01.inspector'], filedOn: today() });
    const penalties = [{ kind: 'revoke_licence' }, { kind: 'fine', amountFen: 50_000_00 }];
    const refused = await step(id, { action: 'notify', penalties });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0]?.path, 'penalties');
    await ok(id, { action: 'discuss', minutes: '案审委员会会议纪要' });
    await approve(leader, id);
    const c = await ok(id, { action: 'notify', penalties });
    assert.equal(c.needsCollective, true);
    assert.equal(c.hearingRight, true);
    assert.equal(c.isMajor, true);
    assert.deepEqual(
      c.penalties.map((p) => p.kindLabel),
      ['吊销许可证件', '罚款'],
    );
  });

  test('the list filters: overdue, mine, stage, party name and case number', async () => {
    const db = app.testDb.db;
    const overdue = await insertCase(db, {
      status: 'investigating',
      officers: ['s01.inspector'],
      filedOn: addDays(today(), -95),
      partyName: '佛山市南海区超期测试五金店',
    });
    const fresh = await insertCase(db, { status: 'investigating', officers: ['s01.chief'], filedOn: today() });
    const ids = (items: TCaseListItem[]) => items.map((r) => r.id);
    const od = await listed('overdue=true');
    assert.ok(ids(od).includes(overdue));
    assert.ok(!ids(od).includes(fresh));
    assert.equal(od.find((r) => r.id === overdue)?.clock?.daysLeft, -5);
    const officerNames = (await detail(overdue)).officers.map((o) => o.name);
    assert.deepEqual(
      od.find((r) => r.id === overdue)?.officers.map((o) => o.name),
      officerNames,
      'the list names the officers, as the detail does',
    );
    const mine = ids(await listed('mine=true'));
    assert.ok(mine.includes(overdue) && !mine.includes(fresh));
    assert.ok(ids(await listed('q=超期测试五金')).includes(overdue));
    const caseNo = (await detail(overdue)).caseNo!;
    assert.deepEqual(ids(await listed(`q=${encodeURIComponent(caseNo)}`)), [overdue]);
    assert.ok(!ids(await listed('stage=draft,closed')).includes(overdue));
    const page = await inspector.get<{ items: TCaseListItem[]; nextCursor: string }>('/api/v1/cases?limit=2');
    const next = await inspector.get<{ items: TCaseListItem[] }>(
      `/api/v1/cases?limit=2&cursor=${page.body.nextCursor}`,
    );
    assert.ok(next.body.items[0]!.id < page.body.items[1]!.id, 'keyset pages continue below the last id');
    const other = await loginAs(app, 's02.inspector');
    assert.equal((await other.get(`/api/v1/cases/${overdue}`)).status, 404, 'another station does not see it');
  });
});
