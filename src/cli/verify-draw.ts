import { readFileSync } from 'node:fs';
import { type DrawProof, verifyDrawProof } from '../domain/draw-proof.ts';

/** `shijian verify-draw proof.json`: recomputes a published draw; exit 0 on match, 1 otherwise. */
export function verifyDrawCommand(args: string[]): number {
  const file = args[0];
  if (!file) {
    console.error('用法: shijian verify-draw proof.json');
    return 2;
  }
  let proof: DrawProof;
  try {
    proof = JSON.parse(readFileSync(file, 'utf8')) as DrawProof;
  } catch (err) {
    console.error(`无法读取抽取证明文件：${(err as Error).message}`);
    return 2;
  }
  const { ok, checks } = verifyDrawProof(proof);
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  console.log(ok ? 'match：抽取过程可复现，结果一致' : 'no match：与公布的结果不一致');
  return ok ? 0 : 1;
}
