import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TCaseDetail, TCaseListItem, TSummaryFilingCounts } from '../../contracts/cases.ts';
import { addDays } from '../../domain/case-clock.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

type Problem = { status: number; detail: string; errors: { path: string }[] };

describe('简易程序备案: the summaryFile transition, its clock in the list and the counts', () => {
  let app: TestApp;
  let inspector: ApiClient;
  let chief: ApiClient;
  const today = shanghaiToday();
  /** A summary decision served on the spot `daysAgo` days ago, its 备案 due on `dueOn`. */
  const summaryCase = (dueOn: string, officers = ['s01.inspector'], status: 'served' | 'annulled' = 'served') =>
    insertCase(app.testDb.db, {
      procedure: 'summary',
      status,
      officers,
      createdBy: officers[0],
      filedOn: null,
      decisionDueOn: null,
      extra: {
        decision_kind: 'penalty',
        decided_on: addDays(today, -10),
        served_on: addDays(today, -10),
        summary_filing_due_on: dueOn,
      },
    });
  const detail = async (id: number, who = chief) => (await who.get<TCaseDetail>(`/api/v1/cases/${id}`)).body;
  const file = async (id: number, body: Record<string, unknown>, who = chief) =>
    who.post<TCaseDetail & Problem>(`/api/v1/cases/${id}/transitions`, {
      action: 'summaryFile',
      version: (await detail(id)).version,
      ...body,
    });
  const counts = async () => (await chief.get<TSummaryFilingCounts>('/api/v1/cases/summary-filings')).body;
  const count = async (sql: string, params: unknown[]) =>
    Number((await app.testDb.db.query<{ n: number }>(sql, params))[0]!.n);

  before(async () => {
    app = await startTestApp();
    [inspector, chief] = await Promise.all([loginAs(app, 's01.inspector'), loginAs(app, 's01.chief')]);
  });
  after(() => app.close());

  test('an overdue 备案 is flagged in the list and the detail, filtered and counted', async () => {
    const before = await counts();
    const overdue = await summaryCase(addDays(today, -3));
    const running = await summaryCase(addDays(today, 4));
    const after = await counts();
    assert.equal(after.unfiled - before.unfiled, 2);
    assert.equal(after.overdue - before.overdue, 1);
    assert.equal(after.asOf, today);

    const list = await chief.get<{ items: TCaseListItem[] }>('/api/v1/cases?filingOverdue=true&limit=100');
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const ids = list.body.items.map((c) => c.id);
    assert.ok(ids.includes(overdue) && !ids.includes(running), 'only the overdue one is filtered');
    const item = list.body.items.find((c) => c.id === overdue)!;
    assert.deepEqual(item.summaryFiling, {
      dueOn: addDays(today, -3),
      filedOn: null,
      daysLeft: -3,
      overdue: true,
      late: false,
    });
    const d = await detail(running);
    assert.deepEqual(d.summaryFiling, {
      dueOn: addDays(today, 4),
      filedOn: null,
      daysLeft: 4,
      overdue: false,
      late: false,
    });
    assert.ok(d.allowedActions.includes('summaryFile'));
  });

  test('the chief records 备案 with its date: step, audit row, flag cleared; a second time answers 409', async () => {
    const id = await summaryCase(addDays(today, -1));
    const missing = await file(id, {});
    assert.equal(missing.status, 422);
    assert.equal(missing.body.errors[0]?.path, 'summaryFiledOn');
    const future = await file(id, { summaryFiledOn: addDays(today, 1) });
    assert.equal(future.status, 422);
    assert.equal(future.body.errors[0]?.path, 'summaryFiledOn');
    const early = await file(id, { summaryFiledOn: addDays(today, -11) });
    assert.equal(early.status, 422, 'not before the decision');

    const res = await file(id, { summaryFiledOn: today, note: '已报所备案' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'served', '备案 does not move the case');
    assert.deepEqual(res.body.summaryFiling, {
      dueOn: addDays(today, -1),
      filedOn: today,
      daysLeft: -1,
      overdue: false,
      late: true,
    });
    assert.ok(!res.body.allowedActions.includes('summaryFile'));
    const step = res.body.steps.at(-1)!;
    assert.equal(step.action, 'summaryFile');
    assert.equal(step.actionLabel, '简易程序备案');
    assert.deepEqual(step.data, { summaryFiledOn: today, dueOn: addDays(today, -1), late: true });
    assert.match(step.note ?? '', /逾期备案/);
    assert.equal(
      await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.summaryFile' AND target_id = $1`, [
        String(id),
      ]),
      1,
    );
    const list = await chief.get<{ items: TCaseListItem[] }>('/api/v1/cases?filingOverdue=true&limit=100');
    assert.ok(!list.body.items.some((c) => c.id === id), 'a filed case is no longer overdue');

    const again = await file(id, { summaryFiledOn: today });
    assert.equal(again.status, 409, JSON.stringify(again.body));
    assert.match(again.body.detail, /不能重复备案/);
  });

  test('refused: an officer without the role (403), the chief as an officer (422), a general case or an annulled one (409)', async () => {
    const id = await summaryCase(addDays(today, 2));
    const officer = await file(id, { summaryFiledOn: today }, inspector);
    assert.equal(officer.status, 403, JSON.stringify(officer.body));

    const own = await summaryCase(addDays(today, 2), ['s01.chief']);
    const self = await file(own, { summaryFiledOn: today });
    assert.equal(self.status, 422, JSON.stringify(self.body));

    const general = await insertCase(app.testDb.db, { status: 'served', officers: ['s01.inspector'] });
    assert.ok(!(await detail(general)).allowedActions.includes('summaryFile'));
    const wrong = await file(general, { summaryFiledOn: today });
    assert.equal(wrong.status, 409, JSON.stringify(wrong.body));
    assert.match(wrong.body.detail, /简易程序/);

    const annulled = await summaryCase(addDays(today, 2), ['s01.inspector'], 'annulled');
    assert.equal((await file(annulled, { summaryFiledOn: today })).status, 409);
    assert.equal(
      await count(`SELECT count(*) AS n FROM case_steps WHERE action = 'summaryFile' AND case_id = ANY($1::bigint[])`, [
        [id, own, general, annulled],
      ]),
      0,
      'nothing refused was written',
    );
  });
});
