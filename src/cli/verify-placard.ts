import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parsePlacardUrl, parsePublicKey, placardGradeFace, verifyPlacardSignature } from '../domain/food-placard.ts';

/** Public keys by key id from a file: the JSON of `shijian placard-keys --json` / the portal, or PEM blocks. */
export function readPublicKeys(text: string): Map<string, KeyObject | undefined> & { anyKid?: KeyObject[] } {
  const found = new Map<string, KeyObject | undefined>() as Map<string, KeyObject | undefined> & {
    anyKid?: KeyObject[];
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const json = JSON.parse(trimmed) as { keys?: { kid: string; publicKey: string }[] };
    for (const k of json.keys ?? []) found.set(k.kid, parsePublicKey(k.publicKey));
    return found;
  }
  // PEM blocks, optionally each preceded by a "# kid: xxxx" line (what `shijian placard-keys` prints)
  const blocks = trimmed.match(
    /(?:#\s*kid:\s*([A-Za-z0-9_-]+)\s*\n)?-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g,
  );
  found.anyKid = [];
  for (const block of blocks ?? []) {
    const kid = block.match(/#\s*kid:\s*([A-Za-z0-9_-]+)/)?.[1];
    const key = parsePublicKey(block.replace(/^#.*\n/, ''));
    if (kid) found.set(kid, key);
    else found.anyKid.push(key);
  }
  return found;
}

/**
 * `shijian verify-placard URL [--public-key file]`: checks a placard's signature offline. The key file holds the
 * bureau's public keys (`shijian placard-keys`, or /api/v1/public/placards/keys saved as JSON); without one the
 * keys are read from this installation's database. Exit 0 valid, 1 forged, 2 usage. Whether the grade is still
 * current needs the portal (scan the code): a signature proves only who issued the placard and what it said.
 */
export async function verifyPlacardCommand(args: string[], loadKeys?: () => Promise<string>): Promise<number> {
  const url = args.find((a) => !a.startsWith('--'));
  const keyAt = args.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  if (!url || (keyAt >= 0 && !keyFile)) {
    console.error('用法: shijian verify-placard URL [--public-key 公钥文件]');
    return 2;
  }
  const parsed = parsePlacardUrl(url);
  if (!parsed) {
    console.log('forged：伪造/无效（网址不是完整的公示牌二维码网址）');
    return 1;
  }
  let keyText: string;
  try {
    keyText = keyFile ? readFileSync(keyFile, 'utf8') : await (loadKeys ?? databaseKeys)();
  } catch (err) {
    console.error(`无法读取公钥：${(err as Error).message}`);
    return 2;
  }
  let keys: ReturnType<typeof readPublicKeys>;
  try {
    keys = readPublicKeys(keyText);
  } catch (err) {
    console.error(`公钥文件格式不正确：${(err as Error).message}`);
    return 2;
  }
  const { fields, signature } = parsed;
  const candidates = keys.has(fields.kid) ? [keys.get(fields.kid)!] : (keys.anyKid ?? []);
  const ok = candidates.some((k) => verifyPlacardSignature(fields, signature, k));
  console.log(`公示牌编号: ${fields.placardId}`);
  console.log(`统一社会信用代码: ${fields.uscc}`);
  console.log(`等级: ${fields.grade}（${placardGradeFace[fields.grade].word}）`);
  console.log(`发放日期: ${fields.issuedOn}`);
  console.log(`密钥编号: ${fields.kid}`);
  if (ok) {
    console.log('valid：签名有效，公示牌由本局签发（是否仍为当前等级请扫码查看）');
    return 0;
  }
  console.log(
    candidates.length === 0
      ? `forged：伪造/无效（未知的密钥编号 ${fields.kid}）`
      : 'forged：伪造/无效（签名与内容不符：内容被改动或非本局签发）',
  );
  return 1;
}

/** The installation's own public keys (as `shijian placard-keys` prints them). */
async function databaseKeys(): Promise<string> {
  const { placardKeysText } = await import('./placard-keys.ts');
  return placardKeysText({ json: true });
}
