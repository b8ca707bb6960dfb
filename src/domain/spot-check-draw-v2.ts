import { createHash } from 'node:crypto';
import { DrawStream, drawEntities, type PoolEntry, poolHash, type RiskClass } from './spot-check-draw.ts';

/**
 * Verifiable stratified draw, algorithm "shijian-draw-v2" (docs/VERIFIABLE-DRAWS.md). The selection is v1's
 * (per class k = ceil(n · ratio), a partial Fisher–Yates over the class's ids ascending, driven by the same
 * sha256(seed:class-X:counter) stream); what changed is the pool hash, so that PostgreSQL computes it one chunk
 * at a time without building the pool as one text:
 *   chunk c    = the pool's entities with floor(id / 1,000,000) = c
 *   chunkHash  = sha256 of the chunk's lines "id,class\n" sorted by id (v1's pool hash over the chunk)
 *   poolHash   = sha256 of the lines "c:chunkHash\n" of the non-empty chunks, c ascending
 * A partial Fisher–Yates picks positions that depend only on the stream and the class size, so the server
 * computes the k positions (classPositions, O(k)) and reads only those entities of the frozen pool.
 */
/** Ids per hashed chunk (by id range, so a chunk's hash is computed from its own rows only). */
export const POOL_CHUNK_IDS = 1_000_000;

export const poolChunkOf = (id: number) => Math.floor(id / POOL_CHUNK_IDS);

/** Each non-empty chunk's hash, chunks ascending. */
export function poolChunkHashes(pool: readonly PoolEntry[]): { chunk: number; hash: string }[] {
  const byChunk = new Map<number, PoolEntry[]>();
  for (const e of pool) {
    const c = poolChunkOf(e.id);
    const list = byChunk.get(c);
    if (list) list.push(e);
    else byChunk.set(c, [e]);
  }
  return [...byChunk.keys()].sort((a, b) => a - b).map((chunk) => ({ chunk, hash: poolHash(byChunk.get(chunk)!) }));
}

export function poolHashV2(pool: readonly PoolEntry[]): string {
  const lines = poolChunkHashes(pool)
    .map((c) => `${c.chunk}:${c.hash}\n`)
    .join('');
  return createHash('sha256').update(lines).digest('hex');
}

/** v2 selects exactly as v1 does (same stream, same shuffle); only the pool hash differs. */
export const drawEntitiesV2 = drawEntities;

/**
 * The positions (0-based, in the class's ids ascending) that v1's partial Fisher–Yates selects for a class of n
 * entities, in draw order: the same shuffle over positions, with only the moved ones kept (a Map), so the work is
 * O(k) whatever n is.
 */
export function classPositions(seedHex: string, riskClass: RiskClass, n: number, k: number): number[] {
  const stream = new DrawStream(seedHex, `class-${riskClass}`);
  const moved = new Map<number, number>(); // position → the original position whose entity sits there now
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + stream.below(n - i);
    const atI = moved.get(i) ?? i;
    const atJ = moved.get(j) ?? j;
    moved.set(j, atI);
    moved.delete(i); // position i is final: later steps only swap positions after it
    out.push(atJ);
  }
  return out;
}
