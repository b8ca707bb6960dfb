import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addMonths,
  annualGrade,
  dynamicGrade,
  foodGradingDefaults,
  gradeEmbargo,
  inspectionResult,
  inspectionScore,
} from './food-grading.ts';

test('result rule: any 重点 failure → 不符合, only 一般 → 基本符合, six 一般 → 不符合, none → 符合', () => {
  assert.equal(inspectionResult({ keyFailures: 0, generalFailures: 0 }), 'pass');
  assert.equal(inspectionResult({ keyFailures: 0, generalFailures: 5 }), 'basicPass');
  assert.equal(inspectionResult({ keyFailures: 0, generalFailures: 6 }), 'fail');
  assert.equal(inspectionResult({ keyFailures: 1, generalFailures: 0 }), 'fail');
  const lenient = { ...foodGradingDefaults, failOnKeyFailures: 2, failOnGeneralFailures: null };
  assert.equal(inspectionResult({ keyFailures: 1, generalFailures: 30 }, lenient), 'basicPass');
});

test('grade bands: ≥ 90 优秀, 75–90 良好, 60–75 一般, below 60 or ≥ 2 重点 failures 不予评级', () => {
  const t = (k: number, g: number) => ({ keyFailures: k, generalFailures: g });
  assert.equal(inspectionScore(t(1, 1)), 80);
  assert.equal(inspectionScore(t(9, 9)), 0);
  assert.equal(dynamicGrade(90, t(0, 2)), 'excellent');
  assert.equal(dynamicGrade(89.9, t(0, 2)), 'good');
  assert.equal(dynamicGrade(75, t(1, 2)), 'good');
  assert.equal(dynamicGrade(74.9, t(1, 2)), 'fair');
  assert.equal(dynamicGrade(60, t(1, 5)), 'fair');
  assert.equal(dynamicGrade(59.9, t(0, 9)), 'none');
  assert.equal(dynamicGrade(95, t(2, 0)), 'none');
  const strict = { ...foodGradingDefaults, bands: { excellent: 95, good: 85, fair: 70 } };
  assert.equal(dynamicGrade(90, t(0, 2), strict), 'good');
});

test('annual grade and the embargoes', () => {
  assert.equal(annualGrade(90, false), 'A');
  assert.equal(annualGrade(89, false), 'B');
  assert.equal(annualGrade(74, false), 'C');
  assert.equal(annualGrade(99, true), 'C');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(gradeEmbargo('2026-03-30', '2026-01-01', null), 'newLicence');
  assert.equal(gradeEmbargo('2026-04-01', '2026-01-01', null), null);
  assert.equal(gradeEmbargo('2026-06-30', '2020-01-01', '2026-01-01'), 'incident');
  assert.equal(gradeEmbargo('2026-07-01', '2020-01-01', '2026-01-01'), null);
});
