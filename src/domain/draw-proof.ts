import {
  commitmentOf,
  DRAW_ALGORITHM,
  drawEntities,
  type PoolEntry,
  poolHash,
  type Ratios,
} from './spot-check-draw.ts';

/** Everything needed to recompute a draw; published after the seed is revealed. */
export interface DrawProof {
  algorithm: string;
  drawId: number | string;
  poolHash: string;
  commitment: string;
  seed: string;
  ratios: Ratios;
  pool: PoolEntry[];
  result: number[];
}

export interface ProofCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** Recomputes each published value from the proof's own inputs; every mismatch is named. */
export function verifyDrawProof(proof: DrawProof): { ok: boolean; checks: ProofCheck[] } {
  const checks: ProofCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });
  check('algorithm', proof.algorithm === DRAW_ALGORITHM, `算法版本 ${proof.algorithm}（本程序支持 ${DRAW_ALGORITHM}）`);
  const seedOk = /^[0-9a-f]{64}$/.test(proof.seed);
  check('seed', seedOk, seedOk ? '种子格式正确' : '种子应为64位十六进制');
  const commitment = seedOk ? commitmentOf(proof.seed) : '';
  check(
    'commitment',
    commitment === proof.commitment,
    `sha256(种子) = ${commitment || '—'}，公布的承诺值 ${proof.commitment}`,
  );
  const hash = poolHash(proof.pool);
  check('poolHash', hash === proof.poolHash, `名录库哈希 ${hash}，公布值 ${proof.poolHash}`);
  if (seedOk && proof.algorithm === DRAW_ALGORITHM) {
    const expected = drawEntities(proof.seed, proof.pool, proof.ratios);
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
