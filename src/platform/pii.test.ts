import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createPiiCipher } from './pii.ts';

const SECRET = 'pii-test-secret';

/** The cipher as first written (raw key Buffers, one randomBytes per IV): data it wrote must stay readable. */
function referenceCipher(secret: string) {
  const encKey = createHash('sha256').update(`pii-enc:${secret}`).digest();
  const macKey = createHash('sha256').update(`pii-mac:${secret}`).digest();
  return {
    encrypt(plain: string) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(value: string) {
      const raw = Buffer.from(value.replace(/^v1:/, ''), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash: (plain: string) => createHmac('sha256', macKey).update(plain).digest('hex'),
  };
}

const ids = ['440605199001011234', '44060519851231567X', '11010519491231002X', '身份证'];

test('old and new ciphers read each other and hash alike', () => {
  const pii = createPiiCipher(SECRET);
  const old = referenceCipher(SECRET);
  for (const id of ids) {
    assert.equal(pii.decrypt(old.encrypt(id)), id);
    assert.equal(old.decrypt(pii.encrypt(id)), id);
    assert.equal(pii.lookupHash(id), old.lookupHash(id));
  }
});

test('a wrong key cannot read the value', () => {
  const value = createPiiCipher(SECRET).encrypt(ids[0]!);
  assert.throws(() => createPiiCipher('another-secret').decrypt(value));
});

test('IVs never repeat, also across refills of the pool', () => {
  const pii = createPiiCipher(SECRET);
  const seen = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const iv = Buffer.from(pii.encrypt('x').slice(3), 'base64').subarray(0, 12).toString('hex');
    assert.ok(!seen.has(iv), `IV repeated at ${i}`);
    seen.add(iv);
  }
});
