import { readFileSync } from 'node:fs';
import { parsePlateUrl, verifyPlateSignature } from '../domain/lift-plate.ts';
import { readPublicKeys } from './verify-placard.ts';

/**
 * `shijian verify-plate URL [--public-key file]`: checks a lift plate's (电梯使用标志) signature offline, with the
 * same key file as verify-placard (the bureau signs both with one key set). Exit 0 valid, 1 forged, 2 usage.
 * Whether the inspection is still valid needs the portal (scan the code).
 */
export async function verifyPlateCommand(args: string[], loadKeys?: () => Promise<string>): Promise<number> {
  const url = args.find((a) => !a.startsWith('--'));
  const keyAt = args.indexOf('--public-key');
  const keyFile = keyAt >= 0 ? args[keyAt + 1] : undefined;
  if (!url || (keyAt >= 0 && !keyFile)) {
    console.error('用法: shijian verify-plate 网址 [--public-key 公钥文件]');
    return 2;
  }
  const parsed = parsePlateUrl(url);
  if (!parsed) {
    console.log('forged：伪造/无效（网址不是完整的电梯使用标志二维码网址）');
    return 1;
  }
  let keys: ReturnType<typeof readPublicKeys>;
  try {
    const text = keyFile ? readFileSync(keyFile, 'utf8') : await (loadKeys ?? databaseKeys)();
    keys = readPublicKeys(text);
  } catch (err) {
    console.error(`无法读取公钥：${(err as Error).message}`);
    return 2;
  }
  const { fields, signature } = parsed;
  const candidates = keys.has(fields.kid) ? [keys.get(fields.kid)!] : (keys.anyKid ?? []);
  const ok = candidates.some((k) => verifyPlateSignature(fields, signature, k));
  console.log(`标志编号: ${fields.plateId}`);
  console.log(`设备代码: ${fields.equipmentCode}`);
  console.log(`使用登记证编号: ${fields.registrationNo}`);
  console.log(`检验有效期至: ${fields.validUntil}`);
  console.log(`制作日期: ${fields.issuedOn}`);
  if (ok) {
    console.log('valid：签名有效，使用标志由本局签发（检验是否仍有效请扫码查看）');
    return 0;
  }
  console.log('forged：伪造/无效（签名与内容不符、未知密钥或非本局签发）');
  return 1;
}

async function databaseKeys(): Promise<string> {
  const { placardKeysText } = await import('./placard-keys.ts');
  return placardKeysText({ json: true });
}
