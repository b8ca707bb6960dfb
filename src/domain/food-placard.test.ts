import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { test } from 'node:test';
import {
  canonicalPlacardBytes,
  keyIdOf,
  type PlacardFields,
  parsePlacardUrl,
  parseSigningKey,
  placardUrl,
  signPlacard,
  verifyPlacardSignature,
} from './food-placard.ts';

// RFC 8032 §7.1 test 1 secret key, wrapped as PKCS#8 DER.
const seed = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const der = Buffer.from(`302e020100300506032b657004220420${seed}`, 'hex');
const key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
const fields: PlacardFields = {
  kid: 'If4x36FU',
  placardId: 42,
  uscc: '92440605MA5XXXXXX1',
  grade: 'excellent',
  issuedOn: '2026-12-04',
};
/**
 * Known answer: printed placards carry this scheme for years. If this fails, the canonical bytes or the key id
 * changed and every placard on a wall stops verifying: add a v2 beside v1 instead.
 */
const signature = 'wck0ITrdd_8e-6TW9i13BsI9A_krFeRXJgeWeT0rnq90znJ8ZS0Zkf3rHakWvXyKpXF2xzzqlyLUBNER-X4HAw';

test('the v1 scheme: key id, canonical bytes and signature are fixed', () => {
  assert.equal(keyIdOf(createPublicKey(key)), 'If4x36FU');
  assert.equal(
    canonicalPlacardBytes(fields).toString(),
    'shijian-placard-v1\nIf4x36FU\n42\n92440605MA5XXXXXX1\nexcellent\n2026-12-04',
  );
  assert.equal(signPlacard(fields, key), signature);
  assert.equal(verifyPlacardSignature(fields, signature, createPublicKey(key)), true);
});

test('the URL round-trips; any changed field or a truncated signature fails', () => {
  const url = placardUrl('https://example.gov.cn/', fields, signature);
  assert.equal(
    url,
    `https://example.gov.cn/portal/placard?k=If4x36FU&i=42&e=92440605MA5XXXXXX1&g=excellent&d=20261204&s=${signature}`,
  );
  assert.deepEqual(parsePlacardUrl(url), { fields, signature });
  const pub = createPublicKey(key);
  for (const changed of [
    { grade: 'good' as const },
    { issuedOn: '2026-12-05' },
    { placardId: 43 },
    { kid: 'If4x36FV' },
  ])
    assert.equal(verifyPlacardSignature({ ...fields, ...changed }, signature, pub), false, JSON.stringify(changed));
  assert.equal(verifyPlacardSignature(fields, signature.slice(0, 80), pub), false);
  for (const bad of ['g=excellent2', 'd=2026120', 'e=short', 'i=0', 's=abc'])
    assert.equal(parsePlacardUrl(url.replace(new RegExp(`${bad[0]}=[^&]*`), bad)), undefined, bad);
  assert.equal(parsePlacardUrl('not a url'), undefined);
});

test('PLACARD_SIGNING_KEY: PEM, \\n-escaped PEM and base64 DER; another key type is refused', () => {
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  for (const form of [pem, pem.replaceAll('\n', '\\n'), der.toString('base64')])
    assert.equal(signPlacard(fields, parseSigningKey(form)), signature);
  assert.throws(() => parseSigningKey('not a key'));
});
