import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkModelFacts,
  latestClosedReportYear,
  mustReport,
  repairConditions,
  reportWindowClosed,
  seriousDue,
  yearsBefore,
} from './credit-rules.ts';
import { batchStatusLabels, batchTransitions, repairStatusLabels, repairTransitions } from './credit-workflow.ts';
import { defaultRiskModel } from './risk-model.ts';
import { checkTransition } from './transition.ts';

describe('credit rules', () => {
  it('the filing window for a year closes on 30 June of the next year', () => {
    assert.equal(latestClosedReportYear('2026-06-30'), 2024);
    assert.equal(latestClosedReportYear('2026-07-01'), 2025);
    assert.equal(reportWindowClosed(2025, '2026-06-30'), false);
    assert.equal(reportWindowClosed(2025, '2026-07-01'), true);
  });

  it('a business registered this year files from next year', () => {
    assert.equal(mustReport('2025-12-31', 2025), true);
    assert.equal(mustReport('2026-01-01', 2025), false);
  });

  it('three years on the abnormal list, counted by calendar date (29 Feb falls back)', () => {
    assert.equal(yearsBefore('2028-02-29', 3), '2025-02-28');
    assert.equal(seriousDue('2023-11-25', '2026-11-25'), true);
    assert.equal(seriousDue('2023-11-26', '2026-11-25'), false);
  });

  it('repair conditions: duty met and within 3 years (abnormal); one year on the serious list', () => {
    const abnormal = repairConditions(
      { list: 'abnormal', listedOn: '2025-07-15', reportYear: 2024 },
      { reportFiled: true },
      '2026-11-25',
    );
    assert.deepEqual(
      abnormal.map((c) => [c.code, c.met]),
      [
        ['dutyMet', true],
        ['within3Years', true],
      ],
    );
    const serious = repairConditions(
      { list: 'serious', listedOn: '2026-01-10', reportYear: 2021 },
      { reportFiled: true },
      '2026-11-25',
    );
    assert.deepEqual(
      serious.map((c) => [c.code, c.met]),
      [
        ['dutyMet', true],
        ['minimumPeriod', false],
      ],
    );
  });

  it('the default model uses only known facts; a typo or a fractional point is named', () => {
    assert.deepEqual(checkModelFacts(defaultRiskModel), []);
    const bad = checkModelFacts({
      ...defaultRiskModel,
      indicators: [
        { code: 'x', label: '拼错', kind: 'flag', fact: 'abnormalListd', points: 5 },
        { code: 'y', label: '小数', kind: 'count', fact: 'complaints1y', pointsEach: 1.5, cap: 10 },
        { code: 'z', label: '错配', kind: 'count', fact: 'industryCode', pointsEach: 1, cap: 1 },
      ],
    });
    assert.equal(bad.length, 3);
  });

  it('the transition table refuses a move from the wrong status', () => {
    assert.equal(checkTransition(batchTransitions, 'approve', 'proposed', batchStatusLabels).ok, true);
    const again = checkTransition(batchTransitions, 'approve', 'approved', batchStatusLabels);
    assert.equal(again.ok, false);
    assert.equal(
      checkTransition(repairTransitions, 'approve', 'applied', repairStatusLabels).ok,
      false,
      'review comes first',
    );
  });
});
