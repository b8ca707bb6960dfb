import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * The bureau's one Ed25519 signing scheme for public QR codes (食品公示牌, 电梯使用标志 …). Each payload kind signs
 * its own canonical bytes, whose first line names the kind and its version ('shijian-placard-v1',
 * 'shijian-lift-plate-v1'), so a signature over one kind can never verify as another.
 */

/** One line per field, the scheme first, UTF-8: nothing a field may contain is a newline. */
export const canonicalBytes = (scheme: string, fields: readonly string[]): Buffer =>
  Buffer.from([scheme, ...fields].join('\n'), 'utf8');

export const signBytes = (bytes: Buffer, privateKey: KeyObject): string =>
  sign(null, bytes, privateKey).toString('base64url');

export function verifyBytes(bytes: Buffer, signature: string, publicKey: KeyObject): boolean {
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return false;
  try {
    return verify(null, bytes, publicKey, sig);
  } catch {
    return false;
  }
}

/** 8 characters of the SHA-256 of the raw 32-byte public key, base64url: short enough for the QR code. */
export function keyIdOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return createHash('sha256').update(raw).digest('base64url').slice(0, 8);
}

/**
 * PLACARD_SIGNING_KEY: an Ed25519 private key as PKCS#8 PEM (`openssl genpkey -algorithm ed25519`), with real or
 * `\n`-escaped line breaks, or the PEM's base64 body (PKCS#8 DER) on one line.
 */
export function parseSigningKey(value: string): KeyObject {
  const text = value.trim().replaceAll('\\n', '\n');
  const key = text.includes('-----BEGIN')
    ? createPrivateKey(text)
    : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('PLACARD_SIGNING_KEY 必须是 Ed25519 私钥');
  return key;
}

/** A public key as SPKI PEM (what `shijian placard-keys` prints) or its base64 DER body. */
export function parsePublicKey(value: string): KeyObject {
  const text = value.trim().replaceAll('\\n', '\n');
  const key = text.includes('-----BEGIN')
    ? createPublicKey(text)
    : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('不是 Ed25519 公钥');
  return key;
}

export const publicKeyPem = (key: KeyObject): string =>
  (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'pem', type: 'spki' }).toString();
