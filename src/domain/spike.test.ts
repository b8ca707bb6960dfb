import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { detectSpike, textSimilarity } from './spike.ts';

test('a jump well above a steady baseline is a spike; ordinary noise is not', () => {
  assert.equal(detectSpike(30, [4, 6, 5, 5, 7, 4, 6, 5]).spike, true);
  assert.equal(detectSpike(8, [4, 6, 5, 5, 7, 4, 6, 5]).spike, false);
});

test('small counts never alert, even from a zero baseline', () => {
  assert.equal(detectSpike(3, [0, 0, 0, 0]).spike, false);
  assert.equal(detectSpike(6, [0, 0, 0, 0]).spike, true);
});

test('more observations never turn a spike into a non-spike', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(50), { minLength: 2, maxLength: 12 }),
      fc.nat(200),
      fc.nat(50),
      (baseline, x, extra) => {
        return !detectSpike(x, baseline).spike || detectSpike(x + extra, baseline).spike;
      },
    ),
  );
});

test('text similarity: identical 1, unrelated 0, symmetric', () => {
  assert.equal(textSimilarity('预付卡无法退款', '预付卡无法退款'), 1);
  assert.equal(textSimilarity('预付卡无法退款', '电梯故障停运'), 0);
  const a = '健身房关门跑路预付卡无法退款';
  const b = '健身房突然关门，预付卡余额无法退';
  assert.ok(textSimilarity(a, b) > 0.3);
  assert.equal(textSimilarity(a, b), textSimilarity(b, a));
});
