import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { drawEntities, type PoolEntry, poolHash, type Ratios, RISK_CLASSES, sampleSize } from './spot-check-draw.ts';
import { classPositions, drawEntitiesV2, poolChunkHashes, poolHashV2 } from './spot-check-draw-v2.ts';

const arbPool = fc
  .uniqueArray(fc.integer({ min: 1, max: 4_000_000 }), { minLength: 1, maxLength: 300 })
  .chain((ids) =>
    fc
      .array(fc.constantFrom(...RISK_CLASSES), { minLength: ids.length, maxLength: ids.length })
      .map((cls) => ids.map((id, i) => ({ id, riskClass: cls[i]! }) as PoolEntry)),
  );
const arbSeed = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
const arbRatio = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);
const arbRatios = fc.record({ A: arbRatio, B: arbRatio, C: arbRatio, D: arbRatio }) as fc.Arbitrary<Ratios>;

test('v2 is reproducible: same seed, pool and ratios give the same draw, whatever the pool order', () => {
  fc.assert(
    fc.property(arbSeed, arbPool, arbRatios, (seed, pool, ratios) => {
      const a = drawEntitiesV2(seed, pool, ratios);
      assert.deepEqual(drawEntitiesV2(seed, [...pool].reverse(), ratios), a);
      assert.equal(poolHashV2([...pool].reverse()), poolHashV2(pool));
      // Stratified as v1: k = ceil(n · ratio) per class, each drawn id from that class, ascending, no repeats.
      const cls = new Map(pool.map((e) => [e.id, e.riskClass]));
      for (const c of RISK_CLASSES) {
        const n = pool.filter((e) => e.riskClass === c).length;
        assert.ok(a.filter((id) => cls.get(id) === c).length === sampleSize(n, ratios[c])); // -0 for a ratio of 0
      }
      assert.deepEqual(
        a,
        [...new Set(a)].sort((x, y) => x - y),
      );
    }),
    { numRuns: 150 },
  );
});

test('classPositions picks, in O(k), the positions v1’s shuffle selects: the server’s draw is v1’s', () => {
  fc.assert(
    fc.property(arbSeed, arbPool, arbRatios, (seed, pool, ratios) => {
      const sorted = [...pool].sort((a, b) => a.id - b.id);
      const viaPositions = RISK_CLASSES.flatMap((c) => {
        const ids = sorted.filter((e) => e.riskClass === c).map((e) => e.id);
        const positions = classPositions(seed, c, ids.length, sampleSize(ids.length, ratios[c]));
        assert.equal(new Set(positions).size, positions.length, 'no position twice');
        return positions.map((p) => ids[p]!);
      }).sort((a, b) => a - b);
      assert.deepEqual(viaPositions, drawEntities(seed, pool, ratios));
    }),
    { numRuns: 200 },
  );
});

test('v2 pool hash: the hash of the lines "chunk:sha256 of the chunk" over 1 M-id chunks', () => {
  const pool: PoolEntry[] = [
    { id: 2_000_001, riskClass: 'A' },
    { id: 5, riskClass: 'B' },
    { id: 999_999, riskClass: 'D' },
    { id: 1_000_000, riskClass: 'C' },
  ];
  const chunks = poolChunkHashes(pool);
  assert.deepEqual(
    chunks.map((c) => c.chunk),
    [0, 1, 2],
  );
  assert.equal(chunks[0]!.hash, poolHash([pool[1]!, pool[2]!]), 'a chunk is hashed as v1 hashes a pool');
  const lines = chunks.map((c) => `${c.chunk}:${c.hash}\n`).join('');
  assert.equal(poolHashV2(pool), createHash('sha256').update(lines).digest('hex'));
  assert.notEqual(poolHashV2(pool), poolHash(pool), 'a new format, hence a new version');
});
