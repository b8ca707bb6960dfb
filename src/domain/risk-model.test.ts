import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assessRisk, classForScore, defaultRiskModel, validateModel } from './risk-model.ts';

test('a clean new shop is low risk; listings and penalties push it up, with the reasons listed', () => {
  assert.equal(assessRisk(defaultRiskModel, { industryCode: '5211' }).riskClass, 'A');
  const risky = assessRisk(defaultRiskModel, { abnormalListed: true, penalties3y: 1, industryCode: '6210' });
  assert.equal(risky.score, 30 + 15 + 8);
  assert.equal(risky.riskClass, 'D');
  assert.deepEqual(
    risky.parts.map((p) => p.code),
    ['abnormal', 'penalties', 'industry'],
  );
});

test('counts are capped and the longest industry prefix wins', () => {
  assert.equal(assessRisk(defaultRiskModel, { penalties3y: 10 }).score, 45);
  const model = {
    ...defaultRiskModel,
    indicators: [
      { code: 'i', label: 'i', kind: 'prefix' as const, fact: 'industryCode', table: { '62': 8, '6210': 20 } },
    ],
  };
  assert.equal(assessRisk(model, { industryCode: '6210' }).score, 20);
  assert.equal(assessRisk(model, { industryCode: '6220' }).score, 8);
});

test('more adverse facts never lower the class (monotone model)', () => {
  const order = { A: 0, B: 1, C: 2, D: 3 };
  fc.assert(
    fc.property(fc.boolean(), fc.nat(5), fc.nat(5), fc.nat(20), (abnormal, penalties, extra, complaints) => {
      const a = assessRisk(defaultRiskModel, {
        abnormalListed: abnormal,
        penalties3y: penalties,
        complaints1y: complaints,
      });
      const b = assessRisk(defaultRiskModel, {
        abnormalListed: true,
        penalties3y: penalties + extra,
        complaints1y: complaints + extra,
      });
      return order[b.riskClass] >= order[a.riskClass];
    }),
  );
});

test('thresholds and models are checked', () => {
  assert.equal(classForScore(9, defaultRiskModel.thresholds), 'A');
  assert.equal(classForScore(10, defaultRiskModel.thresholds), 'B');
  assert.deepEqual(validateModel(defaultRiskModel), []);
  assert.equal(validateModel({ ...defaultRiskModel, thresholds: { B: 30, C: 20, D: 50 } }).length, 1);
});
