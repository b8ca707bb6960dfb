import { createHash } from 'node:crypto';

/**
 * Verifiable stratified draw, algorithm "shijian-draw-v1", version 1 (documented in docs/VERIFIABLE-DRAWS.md):
 *   poolHash   = sha256 of the pool's lines "id,class\n" sorted by id
 *   commitment = sha256(seed), published before the draw; the seed is revealed after it
 *   stream     = sha256(seed ‖ ":" ‖ label ‖ ":" ‖ counter) blocks, read as big-endian uint32 words
 *   per class in A,B,C,D: k = ceil(n · ratio) (n = entities of that class, ids ascending); a partial
 *   Fisher–Yates shuffle with uniform indexes from the stream (rejection sampling, no modulo bias)
 *   picks the first k. The result is sorted by id. Anyone holding (seed, pool, ratios) gets the same.
 */
export const DRAW_ALGORITHM_V1 = 'shijian-draw-v1';
/** Version 2 (spot-check-draw-v2.ts): chunked pool hash and per-entity rank keys, computed in the database. */
export const DRAW_ALGORITHM_V2 = 'shijian-draw-v2';
/**
 * The algorithm new draws use. Version 1 is frozen: a published proof must verify forever (the known-answer test,
 * tests/fixtures/draw-proof-v1.json), and a pool frozen under v1 before an upgrade is still drawn with v1. A change
 * to what a draw selects is a new version with a new name; the old version's code stays for verify-draw
 * (src/domain/draw-proof.ts dispatches on the version).
 */
export const DRAW_ALGORITHM = DRAW_ALGORITHM_V2;
export const DRAW_VERSION = 2;

/** The version an algorithm name carries ("shijian-draw-v1" → 1); null for a name that is not ours. */
export function drawVersionOf(algorithm: string): number | null {
  const m = /^shijian-draw-v([1-9][0-9]*)$/.exec(algorithm);
  return m ? Number(m[1]) : null;
}
export const RISK_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export interface PoolEntry {
  id: number;
  riskClass: RiskClass;
}

export const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

export function poolHash(pool: readonly PoolEntry[]): string {
  const sorted = [...pool].sort((a, b) => a.id - b.id);
  const h = createHash('sha256');
  // Hashing in chunks: one update per line costs ~10x more at a million lines.
  for (let i = 0; i < sorted.length; i += 50_000) {
    h.update(
      sorted
        .slice(i, i + 50_000)
        .map((e) => `${e.id},${e.riskClass}\n`)
        .join(''),
    );
  }
  return h.digest('hex');
}

export const commitmentOf = (seedHex: string) => sha256Hex(Buffer.from(seedHex, 'hex'));

/** Uniform integers from sha256 blocks in counter mode; `label` separates independent streams. */
export class DrawStream {
  private block = Buffer.alloc(0);
  private offset = 0;
  private counter = 0;
  constructor(
    private readonly seedHex: string,
    private readonly label: string,
  ) {}

  private word(): number {
    if (this.offset + 4 > this.block.length) {
      this.block = createHash('sha256')
        .update(`${this.seedHex}:${this.label}:${this.counter++}`)
        .digest();
      this.offset = 0;
    }
    const w = this.block.readUInt32BE(this.offset);
    this.offset += 4;
    return w;
  }

  /** Uniform in [0, m) for 1 ≤ m ≤ 2^32. */
  below(m: number): number {
    if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError(`below(${m})`);
    const limit = Math.floor(2 ** 32 / m) * m;
    for (;;) {
      const w = this.word();
      if (w < limit) return w % m;
    }
  }
}

export type Ratios = Record<RiskClass, number>;

export const sampleSize = (n: number, ratio: number) => Math.min(n, Math.ceil(n * ratio - 1e-9));

/** The draw itself: stratified, uniform within each class, deterministic in (seed, pool, ratios). */
export function drawEntities(seedHex: string, pool: readonly PoolEntry[], ratios: Ratios): number[] {
  const byClass = Object.fromEntries(RISK_CLASSES.map((c) => [c, [] as number[]])) as Record<RiskClass, number[]>;
  for (const e of pool) byClass[e.riskClass].push(e.id);
  for (const cls of RISK_CLASSES) byClass[cls].sort((a, b) => a - b);
  return drawStratified(seedHex, byClass, ratios);
}

/**
 * The same draw over ids already split by class and sorted ascending (the server reads the frozen pool that
 * way, without building a million objects). The arrays are shuffled in place.
 */
export function drawStratified(seedHex: string, idsByClass: Record<RiskClass, number[]>, ratios: Ratios): number[] {
  const selected: number[] = [];
  for (const cls of RISK_CLASSES) {
    const ids = idsByClass[cls];
    const k = sampleSize(ids.length, ratios[cls]);
    const stream = new DrawStream(seedHex, `class-${cls}`);
    for (let i = 0; i < k; i++) {
      const j = i + stream.below(ids.length - i);
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    // A loop, not push(...spread): a class can contribute more items than a call may take arguments.
    for (let i = 0; i < k; i++) selected.push(ids[i]!);
  }
  return selected.sort((a, b) => a - b);
}
