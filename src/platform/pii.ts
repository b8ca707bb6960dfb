import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  randomBytes,
  randomFillSync,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Personal data at rest (resident ID numbers): AES-256-GCM for the value, an HMAC for exact lookup
 * without decrypting. Keys derive from SECRET_KEY, or from a key file made once under DATA_DIR.
 */
export interface PiiCipher {
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
  lookupHash(plain: string): string;
}

/** IVs are cut from a pool filled by one randomFillSync per 4096 of them (a syscall per row is the cost). */
function ivSource(): () => Buffer {
  const pool = Buffer.alloc(12 * 4096);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    // A copy: the pool is refilled later, and GCM must never see the same IV twice under one key.
    const iv = Buffer.from(pool.subarray(offset, offset + 12));
    offset += 12;
    return iv;
  };
}

export function createPiiCipher(secret: string): PiiCipher {
  // KeyObjects: the key is imported once, not on every call.
  const encKey = createSecretKey(createHash('sha256').update(`pii-enc:${secret}`).digest());
  const macKey = createSecretKey(createHash('sha256').update(`pii-mac:${secret}`).digest());
  const nextIv = ivSource();
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(value) {
      const raw = Buffer.from(value.replace(/^v1:/, ''), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash: (plain) => createHmac('sha256', macKey).update(plain).digest('hex'),
  };
}

export function resolveSecret(config: { SECRET_KEY?: string | undefined; DATA_DIR: string }): string {
  if (config.SECRET_KEY) return config.SECRET_KEY;
  const file = join(config.DATA_DIR, 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
