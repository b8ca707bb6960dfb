import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase, insertUserWithRole } from '../../../tests/helpers/case-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TApprovalInboxItem, TCaseDetail } from '../../contracts/cases.ts';
import { addDays } from '../../domain/case-clock.ts';
import { paymentDueOn } from '../../domain/case-execution.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { status: number; detail: string; errors: { path: string }[] };

describe('case workflow: general procedure with approvals', () => {
  let app: TestApp;
  let inspector: ApiClient;
  let chief: ApiClient;
  let leader: ApiClient;
  let legal: ApiClient;
  const today = shanghaiToday();

  before(async () => {
    app = await startTestApp();
    const db = app.testDb.db;
    await insertUserWithRole(db, { username: 'flow.officer2', unitCode: 's01', roleCode: 'inspector' });
    await insertUserWithRole(db, { username: 'flow.legal', unitCode: 'legal', roleCode: 'legal_reviewer' }).catch(() =>
      insertUserWithRole(db, { username: 'flow.legal', unitCode: 'office', roleCode: 'legal_reviewer' }),
    );
    [inspector, chief, leader, legal] = await Promise.all([
      loginAs(app, 's01.inspector'),
      loginAs(app, 's01.chief'),
      loginAs(app, 'leader'),
      loginAs(app, 'flow.legal'),
    ]);
  });
  after(() => app.close());

  const detail = async (id: number) => (await inspector.get<TCaseDetail>(`/api/v1/cases/${id}`)).body;
  const step = async (id: number, body: Record<string, unknown>, who = inspector) => {
    const version = (await detail(id)).version;
    return who.post<TCaseDetail & Problem>(`/api/v1/cases/${id}/transitions`, { version, ...body });
  };
  const ok = async (id: number, body: Record<string, unknown>, who = inspector): Promise<TCaseDetail> => {
    const res = await step(id, body, who);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  /** The approver answers the row waiting for them on this case. */
  const approve = async (who: ApiClient, caseId: number, outcome = 'approved', comment?: string) => {
    const inbox = await who.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals?mine=pending');
    const row = inbox.body.items.find((a) => a.caseId === caseId);
    assert.ok(row, `nothing waiting for this approver on case ${caseId}: ${JSON.stringify(inbox.body)}`);
    return who.post<Problem>(`/api/v1/case-approvals/${row.id}/decision`, { outcome, comment });
  };

  test('draft → file (approval) → … → decide (two approvers) → serve, every step on the timeline', async () => {
    const id = await insertCase(app.testDb.db, {
      status: 'draft',
      officers: ['s01.inspector', 'flow.officer2'],
      createdBy: 's01.inspector',
    });
    let c: TCaseDetail = await ok(id, { action: 'file' });
    assert.equal(c.status, 'draft');
    assert.equal(c.pendingApproval?.action, 'file');
    assert.equal((await step(id, { action: 'file' })).status, 409, 'a second request while one waits');
    assert.equal((await approve(chief, id)).status, 200);
    c = await detail(id);
    assert.equal(c.status, 'investigating');
    assert.equal(c.filedOn, today);
    assert.match(c.caseNo ?? '', /立〔\d{4}〕\d+号$/, 'the 立案号 comes from the 立案审批表');
    assert.equal(c.clocks.decision?.dueOn, addDays(today, 90));
    assert.equal(c.clocks.decision?.daysLeft, 90);

    await ok(id, { action: 'finishInvestigation', report: '调查终结报告：违法事实清楚' });
    c = await ok(id, { action: 'legalReview' });
    assert.ok(c.clocks.legalReviewDueOn, 'the legal review has its 10-working-day due date');
    assert.equal((await approve(legal, id)).status, 200);
    assert.equal((await detail(id)).status, 'reviewed');

    const penalties = [{ kind: 'fine', amountFen: 5_000_00, discretion: 'lighter', discretionBasis: '首次违法' }];
    c = await ok(id, { action: 'notify', penalties });
    assert.equal(c.status, 'notified');
    assert.equal(c.hearingRight, false);
    assert.ok(c.statementDueOn && c.statementDueOn > today);
    const early = await step(id, { action: 'decide', decisionKind: 'penalty' });
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0]?.path, 'decisionKind');
    await ok(id, { action: 'recordStatement', note: '当事人放弃陈述申辩' });
    await ok(id, { action: 'decide', decisionKind: 'penalty' });
    const asked = (await chief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals')).body.items;
    assert.deepEqual(
      asked.find((a) => a.caseId === id)?.penalties,
      [{ kind: 'fine', amountFen: 5_000_00 }],
      'the approver sees what the decision imposes',
    );
    assert.equal((await approve(chief, id)).status, 200);
    assert.equal((await detail(id)).status, 'notified', 'waits for the second approver');
    assert.equal((await approve(leader, id)).status, 200);
    c = await detail(id);
    assert.equal(c.status, 'decided');
    assert.equal(c.decisionKind, 'penalty');
    assert.equal(c.fineDueFen, 5_000_00);
    assert.equal(c.clock, null, 'the decision clock stops at the decision');

    c = await ok(id, { action: 'serve', servedOn: today, serveMethod: 'direct' });
    assert.equal(c.status, 'served');
    // 15 days from service; a last day off work moves to the next working day (domain/case-execution.ts).
    assert.equal(c.paymentDueOn, paymentDueOn(await app.services.calendar.calendar(), today));
    assert.ok(
      c.steps.some((s) => s.action === 'disclosure.create'),
      'the decision queued its disclosure',
    );
    assert.match(c.decisionNo ?? '', /罚〔\d{4}〕\d+号$/, 'the decision number is the 决定书 number');
    assert.ok(c.steps.find((s) => s.action === 'decide')?.documentId, 'the decide step names its document');
    assert.deepEqual(
      c.steps.map((s) => s.action).filter((a) => !a.includes('.')),
      ['file', 'finishInvestigation', 'legalReview', 'notify', 'recordStatement', 'decide', 'serve'],
    );
    const fileStep = c.steps[0]!;
    assert.equal(fileStep.actorName, '陈所长', 'the approver who made the filing take effect');
    assert.equal(c.approvals.filter((a) => a.outcome === 'approved').length, 4);
    assert.deepEqual(c.officers.map((o) => o.name).sort(), ['flow.officer2', '陈检查员'].sort());
  });

  test('a decision not to penalise is closed through its approval; a served decision is annulled', async () => {
    const id = await insertCase(app.testDb.db, { status: 'reviewed', officers: ['s01.inspector'], filedOn: today });
    await ok(id, { action: 'decide', decisionKind: 'no_penalty', note: '违法行为轻微并及时改正，没有造成危害后果' });
    await approve(chief, id);
    await approve(leader, id);
    let c = await detail(id);
    assert.equal(c.status, 'decided');
    assert.equal(c.decisionNo, null, 'no 处罚决定书 for a decision not to penalise');
    await ok(id, { action: 'close' });
    await approve(chief, id);
    c = await detail(id);
    assert.equal(c.status, 'closed');
    assert.equal(c.closedOn, today);
    assert.deepEqual(c.allowedActions, ['annul']);

    const served = await insertCase(app.testDb.db, {
      status: 'served',
      officers: ['s01.inspector'],
      extra: { decision_kind: 'penalty', decided_on: today, served_on: today },
    });
    const annulled = await ok(served, { action: 'annul', reason: '行政复议决定撤销' });
    assert.equal(annulled.status, 'annulled');
    assert.equal(annulled.steps.find((s) => s.action === 'annul')?.note, '行政复议决定撤销');
  });

  test('an illegal step answers 409 and changes nothing', async () => {
    const id = await insertCase(app.testDb.db, { status: 'investigating', officers: ['s01.inspector'] });
    const before = await detail(id);
    const res = await step(id, { action: 'serve', servedOn: today, serveMethod: 'direct' });
    assert.equal(res.status, 409);
    const stale = await inspector.post(`/api/v1/cases/${id}/transitions`, {
      action: 'suspend',
      reason: '等待检验结果',
      version: before.version + 5,
    });
    assert.equal(stale.status, 409);
    assert.equal((await detail(id)).version, before.version);
  });

  test('nobody approves their own case or their own request', async () => {
    const own = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.chief', 's01.inspector'] });
    await ok(own, { action: 'file' });
    const res = await approve(chief, own).catch(() => undefined);
    // The inbox leaves one's own cases out; answering the row directly is refused with 422.
    assert.equal(res, undefined);
    const [row] = await app.testDb.db.query<{ id: number }>('SELECT id FROM case_approvals WHERE case_id = $1', [own]);
    const direct = await chief.post<Problem>(`/api/v1/case-approvals/${row!.id}/decision`, { outcome: 'approved' });
    assert.equal(direct.status, 422);
    assert.match(direct.body.detail, /承办/);

    const mine = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.inspector', 'flow.officer2'] });
    await ok(mine, { action: 'file' }, chief);
    const [req] = await app.testDb.db.query<{ id: number }>('SELECT id FROM case_approvals WHERE case_id = $1', [mine]);
    const self = await chief.post<Problem>(`/api/v1/case-approvals/${req!.id}/decision`, { outcome: 'approved' });
    assert.equal(self.status, 422);
    assert.match(self.body.detail, /本人提交/);
    assert.equal((await detail(mine)).status, 'draft');
  });

  test('an approver needs the role of the row whose turn it is and a scope reaching the case', async () => {
    const id = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.inspector'] });
    await ok(id, { action: 'file' });
    const [row] = await app.testDb.db.query<{ id: number }>('SELECT id FROM case_approvals WHERE case_id = $1', [id]);
    const otherChief = await loginAs(app, 's02.chief');
    const inbox = await otherChief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals');
    assert.ok(!inbox.body.items.some((a) => a.caseId === id), "another station's chief is not asked");
    assert.equal(
      (await otherChief.post(`/api/v1/case-approvals/${row!.id}/decision`, { outcome: 'approved' })).status,
      404,
    );
    const wrongRole = await legal.post(`/api/v1/case-approvals/${row!.id}/decision`, { outcome: 'approved' });
    assert.equal(wrongRole.status, 403, 'the legal reviewer does not hold station_chief');
    assert.equal((await detail(id)).status, 'draft');
  });

  test('a return ends the request with its comment; the step can be asked for again', async () => {
    const id = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.inspector'] });
    await ok(id, { action: 'file' });
    const noComment = await approve(chief, id, 'returned');
    assert.equal(noComment.status, 422);
    assert.equal((await approve(chief, id, 'returned', '证据不足，补充后再报')).status, 200);
    const c = await detail(id);
    assert.equal(c.status, 'draft');
    assert.equal(c.pendingApproval, null);
    assert.equal(c.approvals[0]?.comment, '证据不足，补充后再报');
    await ok(id, { action: 'file' });
  });

  test('concurrent answers to the same approval: only one wins', async () => {
    const id = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.inspector'] });
    await ok(id, { action: 'file' });
    const inbox = await chief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals');
    const row = inbox.body.items.find((a) => a.caseId === id)!;
    const answers = await Promise.all(
      [1, 2].map(() => chief.post(`/api/v1/case-approvals/${row.id}/decision`, { outcome: 'approved' })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    const c = await detail(id);
    assert.equal(c.status, 'investigating');
    assert.equal(c.steps.filter((s) => s.action === 'file').length, 1);
  });

  test('concurrent requests for the same step: only one is recorded', async () => {
    const id = await insertCase(app.testDb.db, { status: 'draft', officers: ['s01.inspector'] });
    const version = (await detail(id)).version;
    const answers = await Promise.all(
      [1, 2].map(() => inspector.post(`/api/v1/cases/${id}/transitions`, { action: 'file', version })),
    );
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 409]);
    const [n] = await app.testDb.db.query<{ n: number }>(
      'SELECT count(DISTINCT request_id)::int AS n FROM case_approvals WHERE case_id = $1',
      [id],
    );
    assert.equal(n!.n, 1);
  });
});
