import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, honourWindow, defaultHonourRules as rules } from './food-honour.ts';

const facts = (p: Partial<Parameters<typeof classify>[0]>) => ({
  businessId: 1,
  grade: null,
  fails: 0,
  seriousFails: 0,
  samplingFailures: 0,
  ...p,
});

test('红榜: 优秀, at least two inspections all 符合, no sampling failure; anything less is on neither board', () => {
  assert.equal(classify(facts({ grade: 'excellent', inspections: 2, notPassed: 0 }), rules)?.board, 'red');
  assert.equal(classify(facts({ grade: 'excellent', inspections: 1, notPassed: 0 }), rules), null);
  assert.equal(classify(facts({ grade: 'excellent', inspections: 3, notPassed: 1 }), rules), null);
  assert.equal(classify(facts({ grade: 'excellent' }), rules), null);
  assert.equal(classify(facts({ grade: 'excellent', fails: 1, inspections: 2, notPassed: 1 }), rules), null);
  assert.equal(classify(facts({ grade: 'good' }), rules), null);
  assert.equal(classify(facts({}), rules), null);
});

test('黑榜 wins over red: two fails, 不予评级, a serious fail, a sampling failure (off when configured 0)', () => {
  assert.match(classify(facts({ fails: 2 }), rules)!.reasons[0]!, /2次不符合/);
  assert.equal(classify(facts({ grade: 'none' }), rules)?.board, 'black');
  assert.equal(classify(facts({ grade: 'excellent', fails: 1, seriousFails: 1 }), rules)?.board, 'black');
  assert.equal(classify(facts({ grade: 'excellent', samplingFailures: 1 }), rules)?.board, 'black');
  const noSampling = { ...rules, black: { ...rules.black, minSamplingFailures: 0 } };
  assert.equal(classify(facts({ grade: 'excellent', samplingFailures: 1 }), noSampling), null);
  assert.equal(classify(facts({ grade: 'none', fails: 3 }), rules)?.reasons.length, 2);
});

test('the window is the 12 months ending on the month’s last day, across year ends and leap days', () => {
  assert.deepEqual(honourWindow('2026-11-01', 12), { from: '2025-12-01', to: '2026-11-30' });
  assert.deepEqual(honourWindow('2024-02-01', 12), { from: '2023-03-01', to: '2024-02-29' });
  assert.deepEqual(honourWindow('2027-01-01', 3), { from: '2026-11-01', to: '2027-01-31' });
});
