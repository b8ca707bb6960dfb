import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  closeCheck,
  type ExecutionFacts,
  executionSummary,
  lateFeeFen,
  type PaymentFact,
  paymentDueOn,
  paymentRefusal,
  planSchedule,
  yuan,
} from './case-execution.ts';
import { packagedCalendar } from './working-days.ts';

const fine = 1_000_00;
const due = '2026-03-16';
const schedule = [{ dueOn: due, amountFen: fine }];
const paid = (amountFen: number, paidOn: string, kind: PaymentFact['kind'] = 'fine'): PaymentFact => ({
  kind,
  amountFen,
  paidOn,
});
const facts = (over: Partial<ExecutionFacts> = {}): ExecutionFacts => ({
  decisionKind: 'penalty',
  status: 'served',
  fineDueFen: fine,
  confiscationDueFen: 0,
  paymentDueOn: due,
  plan: null,
  ...over,
});

describe('case execution: 15 days to pay, 加处罚款 3 % a day capped at the fine', () => {
  it('payment is due 15 days after service, a holiday at the end moving it to the next working day', () => {
    assert.equal(paymentDueOn(packagedCalendar, '2026-03-01'), '2026-03-16');
    // 2026-09-16 + 15 = 10-01 (National Day): the next working day is 10-08.
    assert.equal(paymentDueOn(packagedCalendar, '2026-09-16'), '2026-10-08');
  });

  it('¥1,000 paid 10 days late: ¥300; 40 days late: capped at ¥1,000', () => {
    assert.equal(lateFeeFen(schedule, [paid(fine, '2026-03-16')], fine, '2026-12-31'), 0, 'paid on the due day');
    assert.equal(lateFeeFen(schedule, [paid(fine, '2026-03-26')], fine, '2026-12-31'), 300_00);
    assert.equal(lateFeeFen(schedule, [paid(fine, '2026-04-25')], fine, '2026-12-31'), fine);
    assert.equal(lateFeeFen(schedule, [], fine, '2026-03-26'), 300_00, 'unpaid: accrued as of today');
    assert.equal(lateFeeFen(schedule, [], fine, '2027-03-26'), fine);
  });

  it('accrues on the unpaid part only, and rounds down once to whole fen', () => {
    // ¥400 paid on time, ¥600 paid 5 days late: 600 × 3 % × 5 = ¥90.
    const payments = [paid(400_00, '2026-03-10'), paid(600_00, '2026-03-21')];
    assert.equal(lateFeeFen(schedule, payments, fine, '2026-12-31'), 90_00);
    // 33 fen × 3 % = 0.99 fen a day: 3 days make 2.97 fen → 2 fen (never rounded up).
    assert.equal(lateFeeFen([{ dueOn: due, amountFen: 33 }], [], 33, '2026-03-19'), 2);
  });

  it('summarises what is due, paid and overdue', () => {
    const s = executionSummary(facts({ confiscationDueFen: 500_00 }), [paid(400_00, '2026-03-10')], '2026-03-26');
    assert.equal(s.overdueDays, 10);
    assert.equal(s.overdueFen, 600_00);
    assert.equal(s.lateFeeFen, 180_00);
    assert.equal(s.outstandingFen, 600_00 + 500_00 + 180_00);
    assert.equal(s.paymentOverdue, true);
    assert.equal(s.instalments[0]!.paidFen, 400_00);
    const early = executionSummary(facts(), [], '2026-03-16');
    assert.deepEqual([early.paymentOverdue, early.overdueDays, early.dueOn], [false, 0, due]);
  });

  it('refuses a payment beyond what is due, in the future, or of nothing due', () => {
    const s = executionSummary(facts(), [paid(900_00, '2026-03-10')], '2026-03-12');
    assert.equal(
      paymentRefusal(s, { kind: 'fine', amountFen: 200_00, paidOn: '2026-03-12' }, '2026-03-12')?.field,
      'amountFen',
    );
    assert.equal(
      paymentRefusal(s, { kind: 'fine', amountFen: 100_00, paidOn: '2026-03-13' }, '2026-03-12')?.field,
      'paidOn',
    );
    assert.equal(
      paymentRefusal(s, { kind: 'late_fee', amountFen: 1, paidOn: '2026-03-12' }, '2026-03-12')?.field,
      'kind',
    );
    assert.equal(paymentRefusal(s, { kind: 'fine', amountFen: 100_00, paidOn: '2026-03-12' }, '2026-03-12'), null);
  });

  it('an instalment plan moves the due days; a missed instalment bears the fee from its own day', () => {
    const plan = [
      { dueOn: '2026-04-15', amountFen: 500_00 },
      { dueOn: '2026-05-15', amountFen: 500_00 },
    ];
    const r = planSchedule(facts(), [], plan, '2026-03-10');
    assert.ok('schedule' in r);
    const withPlan = facts({ plan: r.schedule });
    assert.equal(executionSummary(withPlan, [], '2026-04-15').paymentOverdue, false);
    const late = executionSummary(withPlan, [paid(500_00, '2026-04-15')], '2026-05-20');
    assert.deepEqual([late.overdueDays, late.overdueFen, late.lateFeeFen], [5, 500_00, 75_00]);
    assert.equal(Object.hasOwn(planSchedule(facts(), [], plan, '2026-03-20'), 'field'), true, 'already overdue');
    const short = planSchedule(facts(), [], plan.slice(0, 1), '2026-03-10');
    assert.ok('field' in short && /合计/.test(short.message));
    // Part paid first: it stays on the original day, the plan covers the rest.
    const part = planSchedule(
      facts(),
      [paid(200_00, '2026-03-05')],
      [{ dueOn: '2026-06-30', amountFen: 800_00 }],
      '2026-03-10',
    );
    assert.ok('schedule' in part);
    assert.deepEqual(part.schedule, [
      { dueOn: due, amountFen: 200_00 },
      { dueOn: '2026-06-30', amountFen: 800_00 },
    ]);
  });

  it('close: settled, or in enforcement, or nothing to pay', () => {
    const unpaid = closeCheck(facts(), [], '2026-03-26');
    assert.equal(unpaid.ok, false);
    assert.ok(!unpaid.ok && /罚款 1,000.00 元、加处罚款 300.00 元/.test(unpaid.message));
    assert.equal(closeCheck(facts(), [paid(fine, '2026-03-26')], '2026-03-27').ok, false, 'late fee still due');
    assert.equal(
      closeCheck(facts(), [paid(fine, '2026-03-26'), paid(300_00, '2026-03-27', 'late_fee')], '2026-03-27').ok,
      true,
    );
    assert.equal(closeCheck(facts({ status: 'enforcement' }), [], '2026-05-01').ok, true);
    assert.equal(closeCheck(facts({ decisionKind: 'no_penalty', fineDueFen: 0 }), [], '2026-05-01').ok, true);
    assert.equal(closeCheck(facts({ decisionKind: 'transfer' }), [], '2026-05-01').ok, true);
    assert.equal(closeCheck(facts({ fineDueFen: 0, paymentDueOn: null }), [], '2026-05-01').ok, true, 'warning only');
    assert.equal(yuan(123456789), '1,234,567.89');
  });
});
