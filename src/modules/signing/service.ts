import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { keyIdOf, parsePublicKey, parseSigningKey, publicKeyPem } from '../../domain/signing.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import * as keys from './repo.ts';

export interface Signer {
  kid: string;
  privateKey: KeyObject;
}

/**
 * The bureau's one set of QR signing keys, shared by every signed public code (食品公示牌, 电梯使用标志); each
 * payload kind keeps its own scheme line (src/domain/signing.ts). The table keeps its first name, food_placard_keys,
 * so existing installs and old placard URLs keep their key ids. The signing key is PLACARD_SIGNING_KEY when set (its public half is recorded in
 * food_placard_keys); otherwise the one generated key in that table (made by whichever process needs it first,
 * its private half encrypted with the personal-data key), so a restart or a second process signs and verifies
 * with the same key. Every public key ever used stays in the table, so old placards verify after a rotation.
 */
export function createSigningKeys(db: Db, deps: { signingKey?: string; pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }) {
  let signer: Promise<Signer> | undefined;
  const publicKeys = new Map<string, KeyObject>();

  async function loadSigner(): Promise<Signer> {
    if (deps.signingKey) {
      const privateKey = parseSigningKey(deps.signingKey);
      const publicKey = createPublicKey(privateKey);
      const kid = keyIdOf(publicKey);
      await keys.insertKey(db, { kid, publicKey: publicKeyPem(publicKey), privateKey: null, source: 'config' });
      await keys.markUsed(db, kid);
      return { kid, privateKey };
    }
    let row = await keys.generatedKey(db);
    if (!row) {
      const pair = generateKeyPairSync('ed25519');
      const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      await keys.insertKey(db, {
        kid: keyIdOf(pair.publicKey),
        publicKey: publicKeyPem(pair.publicKey),
        privateKey: deps.pii.encrypt(pem),
        source: 'generated',
      });
      row = await keys.generatedKey(db);
    }
    let pem: string;
    try {
      pem = deps.pii.decrypt(row!.privateKey!);
    } catch {
      throw new Error(
        '数据库中的公示牌签名密钥无法解密：各服务进程须使用相同的 SECRET_KEY（或数据目录的 secret.key），或设置 PLACARD_SIGNING_KEY',
      );
    }
    await keys.markUsed(db, row!.kid);
    return { kid: row!.kid, privateKey: parseSigningKey(pem) };
  }

  return {
    /** The key new placards are signed with (resolved once per process). */
    signer(): Promise<Signer> {
      signer ??= loadSigner().catch((err) => {
        signer = undefined;
        throw err;
      });
      return signer;
    },

    /** A key id's public key, or undefined when the bureau never had it; known keys are kept in memory. */
    async publicKey(kid: string): Promise<KeyObject | undefined> {
      const cached = publicKeys.get(kid);
      if (cached) return cached;
      const pem = await keys.publicKeyOf(db, kid);
      if (!pem) return undefined;
      const key = parsePublicKey(pem);
      publicKeys.set(kid, key);
      return key;
    },

    /** Every public key, the one in use first (for distribution: the portal and `shijian placard-keys`). */
    async list() {
      const active = (await this.signer()).kid;
      const rows = await keys.listKeys(db);
      return {
        keys: rows.map((r) => ({
          kid: r.kid,
          publicKey: r.publicKey,
          createdAt: r.createdAt,
          active: r.kid === active,
        })),
      };
    },
  };
}

export type SigningKeys = ReturnType<typeof createSigningKeys>;
