import {
  commitmentOf,
  DRAW_ALGORITHM_V1,
  DRAW_ALGORITHM_V2,
  drawEntities,
  drawVersionOf,
  type PoolEntry,
  poolHash,
  type Ratios,
} from './spot-check-draw.ts';
import { drawEntitiesV2, poolHashV2 } from './spot-check-draw-v2.ts';

/** Everything needed to recompute a draw; published after the seed is revealed. */
export interface DrawProof {
  algorithm: string;
  /** The algorithm's version; absent in proofs published before the field, where `algorithm` names it. */
  version?: number;
  drawId: number | string;
  poolHash: string;
  commitment: string;
  seed: string;
  ratios: Ratios;
  pool: PoolEntry[];
  result: number[];
}

/** One version of the draw, as verify-draw recomputes it. */
export interface DrawAlgorithm {
  name: string;
  poolHash(pool: readonly PoolEntry[]): string;
  commitment(seedHex: string): string;
  draw(seedHex: string, pool: readonly PoolEntry[], ratios: Ratios): number[];
}

/**
 * Every version ever published, by number. Never remove or change one: proofs already handed out name it.
 * A new algorithm is added under the next number and new draws use it; old proofs keep verifying with theirs.
 */
export const drawAlgorithms: Readonly<Record<number, DrawAlgorithm>> = {
  1: { name: DRAW_ALGORITHM_V1, poolHash, commitment: commitmentOf, draw: drawEntities },
  2: { name: DRAW_ALGORITHM_V2, poolHash: poolHashV2, commitment: commitmentOf, draw: drawEntitiesV2 },
};

export interface ProofCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The version a proof claims: its `version`, or the one its algorithm name carries. */
export const proofVersion = (proof: Pick<DrawProof, 'algorithm' | 'version'>) =>
  proof.version ?? drawVersionOf(proof.algorithm);

/** Recomputes each published value from the proof's own inputs with the proof's version; every mismatch is named. */
export function verifyDrawProof(
  proof: DrawProof,
  algorithms: Readonly<Record<number, DrawAlgorithm>> = drawAlgorithms,
): { ok: boolean; checks: ProofCheck[] } {
  const checks: ProofCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  const version = proofVersion(proof);
  const algorithm = version === null ? undefined : algorithms[version];
  const known = Object.entries(algorithms)
    .map(([v, a]) => `v${v} ${a.name}`)
    .join('、');
  check(
    'algorithm',
    algorithm !== undefined && algorithm.name === proof.algorithm,
    algorithm === undefined
      ? `算法 ${proof.algorithm}${proof.version === undefined ? '' : `（版本 ${proof.version}）`}未知（本程序支持 ${known}）`
      : algorithm.name === proof.algorithm
        ? `算法 ${proof.algorithm}（版本 ${version}）`
        : `版本 ${version} 的算法是 ${algorithm.name}，证明写的是 ${proof.algorithm}`,
  );
  if (!algorithm) return { ok: false, checks };
  const seedOk = /^[0-9a-f]{64}$/.test(proof.seed);
  check('seed', seedOk, seedOk ? '种子格式正确' : '种子应为64位十六进制');
  const commitment = seedOk ? algorithm.commitment(proof.seed) : '';
  check(
    'commitment',
    commitment === proof.commitment,
    `sha256(种子) = ${commitment || '—'}，公布的承诺值 ${proof.commitment}`,
  );
  const hash = algorithm.poolHash(proof.pool);
  check('poolHash', hash === proof.poolHash, `名录库哈希 ${hash}，公布值 ${proof.poolHash}`);
  if (seedOk) {
    const expected = algorithm.draw(proof.seed, proof.pool, proof.ratios);
    const published = [...proof.result].sort((a, b) => a - b);
    const same = expected.length === published.length && expected.every((id, i) => id === published[i]);
    const missing = expected.filter((id) => !published.includes(id)).slice(0, 5);
    check(
      'result',
      same,
      same
        ? `抽取结果一致（${expected.length} 户）`
        : `抽取结果不一致：应抽 ${expected.length} 户，公布 ${published.length} 户${missing.length ? `；例如缺少 ${missing.join('、')}` : ''}`,
    );
  }
  return { ok: checks.every((c) => c.ok), checks };
}
