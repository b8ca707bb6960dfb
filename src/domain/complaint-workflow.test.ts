import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complaintRuleSets, ruleSetFor } from './complaint-rules.ts';
import {
  type ComplaintAction,
  type ComplaintStatus,
  checkComplaintTransition,
  clocksAtIntake,
  complaintTransitions,
} from './complaint-workflow.ts';

test('the rule set in force on the day of receipt is chosen', () => {
  assert.equal(ruleSetFor('2026-04-14').code, 'samr-order-20');
  assert.equal(ruleSetFor('2026-04-15').code, 'samr-order-121');
  assert.equal(ruleSetFor('2025-01-01').clocks.mediation.days, 45);
  assert.deepEqual(ruleSetFor('2026-11-25').clocks.mediation, { days: 60, unit: 'calendarDays', verify: true });
  assert.throws(() => ruleSetFor('2019-12-31'), RangeError);
});

test('Order 121 has seven grounds for not accepting and eight for ending mediation', () => {
  const o121 = complaintRuleSets.find((s) => s.code === 'samr-order-121')!;
  assert.equal(o121.notAcceptedGrounds.length, 7);
  assert.equal(o121.terminationGrounds.length, 8);
  for (const s of complaintRuleSets) {
    assert.equal(new Set(s.notAcceptedGrounds.map((g) => g.code)).size, s.notAcceptedGrounds.length);
    assert.equal(new Set(s.terminationGrounds.map((g) => g.code)).size, s.terminationGrounds.length);
  }
});

test('a complaint goes received → accepted → mediating → succeeded → closed', () => {
  const path: [ComplaintAction, ComplaintStatus][] = [
    ['accept', 'received'],
    ['startMediation', 'accepted'],
    ['mediationSucceeded', 'mediating'],
    ['feedback', 'mediationSucceeded'],
  ];
  for (const [action, from] of path) assert.equal(checkComplaintTransition('complaint', from, action).ok, true, action);
});

test('illegal moves are refused with a Chinese reason', () => {
  const wrongKind = checkComplaintTransition('inquiry', 'received', 'accept');
  assert.equal(wrongKind.ok, false);
  const wrongState = checkComplaintTransition('complaint', 'closed', 'accept');
  assert.equal(wrongState.ok, false);
  assert.match(wrongState.ok ? '' : wrongState.reason, /已办结/);
});

test('every clock a transition completes is started at intake or by an earlier transition', () => {
  const started = new Set(Object.values(clocksAtIntake).flat());
  for (const t of Object.values(complaintTransitions)) for (const c of t.starts) started.add(c);
  for (const t of Object.values(complaintTransitions)) for (const c of t.completes) assert.ok(started.has(c), c);
});
