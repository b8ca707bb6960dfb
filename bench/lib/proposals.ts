import { createCipheriv, createHash, createHmac, createSecretKey, randomFillSync } from 'node:crypto';
import { bigrams } from '../../src/domain/bigrams.ts';
import type { PiiCipher } from '../../src/server/pii.ts';

/**
 * Drop-in proposals for the hot path of every import, measured by scenarios/row-cost.ts. Both produce output the
 * current code accepts (same ciphertext format, same tsvector text).
 */

/** createPiiCipher with KeyObjects (no key import per call) and IVs cut from a pooled randomFillSync buffer. */
export function createFastPiiCipher(secret: string, reference: PiiCipher): PiiCipher {
  const encKey = createSecretKey(createHash('sha256').update(`pii-enc:${secret}`).digest());
  const macKey = createSecretKey(createHash('sha256').update(`pii-mac:${secret}`).digest());
  const pool = Buffer.alloc(12 * 4096);
  let offset = pool.length;
  const nextIv = () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    // A copy: the pool is refilled later and GCM must never see the same IV twice under one key.
    const iv = Buffer.from(pool.subarray(offset, offset + 12));
    offset += 12;
    return iv;
  };
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt: reference.decrypt,
    lookupHash: (plain) => createHmac('sha256', macKey).update(plain).digest('hex'),
  };
}

/** Names made only of CJK, digits and lower-case ASCII need no normalisation and no quoting escapes. */
const PLAIN = /^[\u4e00-\u9fff0-9a-z]*$/;

export function fastBigramTsvector(name: string): string {
  if (!PLAIN.test(name))
    return bigrams(name)
      .map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`)
      .join(' ');
  const seen = new Set<string>();
  let out = '';
  let prev = '';
  for (const ch of name) {
    if (prev) {
      const gram = prev + ch;
      if (!seen.has(gram)) {
        seen.add(gram);
        out += out ? ` '${gram}'` : `'${gram}'`;
      }
    }
    prev = ch;
  }
  return out || (prev ? `'${prev}'` : '');
}
