import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  commitmentOf,
  DrawStream,
  drawEntities,
  type PoolEntry,
  poolHash,
  RISK_CLASSES,
  sampleSize,
} from './spot-check-draw.ts';

const ratios = { A: 0.03, B: 0.05, C: 0.1, D: 0.2 };
const makePool = (n: number): PoolEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + 1, riskClass: RISK_CLASSES[i % 4]! }));

test('the same seed, pool and ratios give the same result; order of the pool does not matter', () => {
  const seed = 'ab'.repeat(32);
  const pool = makePool(1000);
  const a = drawEntities(seed, pool, ratios);
  const b = drawEntities(seed, [...pool].reverse(), ratios);
  assert.deepEqual(a, b);
  assert.equal(poolHash(pool), poolHash([...pool].reverse()));
  assert.notDeepEqual(drawEntities('cd'.repeat(32), pool, ratios), a);
});

test('each class contributes ceil(n · ratio) entities, all from that class', () => {
  const pool = makePool(1000);
  const picked = new Set(drawEntities(randomBytes(32).toString('hex'), pool, ratios));
  for (const cls of RISK_CLASSES) {
    const members = pool.filter((e) => e.riskClass === cls);
    assert.equal(members.filter((e) => picked.has(e.id)).length, sampleSize(members.length, ratios[cls]));
  }
});

test('a changed pool entry changes the pool hash; the commitment binds the seed', () => {
  const pool = makePool(100);
  const changed = pool.map((e) => (e.id === 50 ? { ...e, riskClass: 'D' as const } : e));
  assert.notEqual(poolHash(changed), poolHash(pool));
  assert.notEqual(poolHash(pool.slice(1)), poolHash(pool));
  assert.notEqual(commitmentOf('00'.repeat(32)), commitmentOf(`${'00'.repeat(31)}01`));
});

test('selection is uniform within a stratum (chi-square over many draws)', () => {
  const n = 40;
  const pool: PoolEntry[] = Array.from({ length: n }, (_, i) => ({ id: i + 1, riskClass: 'B' }));
  const counts = new Array(n).fill(0);
  const draws = 4000;
  for (let d = 0; d < draws; d++) {
    for (const id of drawEntities(`${d.toString(16).padStart(8, '0')}${'7'.repeat(56)}`, pool, {
      A: 0,
      B: 0.1,
      C: 0,
      D: 0,
    }))
      counts[id - 1]++;
  }
  const expected = (draws * 4) / n;
  const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  // 39 degrees of freedom: the 99.9th percentile is 72.1.
  assert.ok(chi2 < 72.1, `chi-square ${chi2.toFixed(1)}`);
});

test('the stream gives uniform integers in range for any modulus', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 32 }), fc.string(), (m, label) => {
      const s = new DrawStream('ff'.repeat(32), label);
      for (let i = 0; i < 20; i++) {
        const x = s.below(m);
        if (x < 0 || x >= m || !Number.isInteger(x)) return false;
      }
      return true;
    }),
  );
});
