import { readFileSync } from 'node:fs';
import { ZDrawProof } from '../contracts/spot-checks.ts';
import { verifyDrawProof } from '../domain/draw-proof.ts';

/** Where in the proof a problem lies, as a reader of the JSON file finds it: "pool[3].riskClass". */
const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');

/**
 * `shijian verify-draw proof.json`: recomputes a published draw with the algorithm version the proof names
 * (every published version is kept); exit 0 on match, 1 otherwise, 2 when the file is not a proof.
 */
export function verifyDrawCommand(args: string[]): number {
  const file = args[0];
  if (!file) {
    console.error('用法: shijian verify-draw proof.json');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.error(`无法读取抽取证明文件：${(err as Error).message}`);
    return 2;
  }
  const parsed = ZDrawProof.safeParse(json);
  if (!parsed.success) {
    console.error('抽取证明格式不正确（请使用系统“下载抽取证明”得到的原始文件）：');
    for (const issue of parsed.error.issues.slice(0, 10))
      console.error(`  ${pathOf(issue.path) || '（整个文件）'}：${issue.message}`);
    return 2;
  }
  const { ok, checks } = verifyDrawProof(parsed.data);
  for (const c of checks) console.log(`${c.ok ? '✓' : '✗'} ${c.name}: ${c.detail}`);
  console.log(ok ? 'match：抽取过程可复现，结果一致' : 'no match：与公布的结果不一致');
  return ok ? 0 : 1;
}
