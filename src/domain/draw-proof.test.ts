import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DrawProof, verifyDrawProof } from './draw-proof.ts';
import { commitmentOf, DRAW_ALGORITHM_V1, drawEntities, type PoolEntry, poolHash } from './spot-check-draw.ts';

const seed = '5e'.repeat(32);
const pool: PoolEntry[] = Array.from({ length: 500 }, (_, i) => ({
  id: i + 1,
  riskClass: (['A', 'B', 'C', 'D'] as const)[i % 4]!,
}));
const ratios = { A: 0.03, B: 0.05, C: 0.1, D: 0.2 };
const proof: DrawProof = {
  algorithm: DRAW_ALGORITHM_V1,
  drawId: 1,
  poolHash: poolHash(pool),
  commitment: commitmentOf(seed),
  seed,
  ratios,
  pool,
  result: drawEntities(seed, pool, ratios),
};

test('an honest proof verifies', () => {
  const r = verifyDrawProof(proof);
  assert.equal(r.ok, true, JSON.stringify(r.checks));
});

test('a changed pool id, seed or result is detected and named', () => {
  const changedPool = { ...proof, pool: proof.pool.map((e) => (e.id === 7 ? { ...e, id: 9999 } : e)) };
  assert.ok(verifyDrawProof(changedPool).checks.some((c) => c.name === 'poolHash' && !c.ok));
  const changedSeed = { ...proof, seed: `${'5e'.repeat(31)}5f` };
  assert.ok(verifyDrawProof(changedSeed).checks.some((c) => c.name === 'commitment' && !c.ok));
  const swapped = proof.result.slice(1);
  swapped.push(proof.pool.find((e) => !proof.result.includes(e.id))!.id);
  const changedResult = { ...proof, result: swapped };
  assert.deepEqual(
    verifyDrawProof(changedResult)
      .checks.filter((c) => !c.ok)
      .map((c) => c.name),
    ['result'],
  );
});
