import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a vendor sends in X-Signature: lowercase hex HMAC-SHA256 with its secret over the X-Timestamp value
 * (Unix seconds), a full stop, and the raw request body, byte for byte ("1733300000." + body).
 */
export function kitchenSignature(secret: string, timestamp: string, rawBody: Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Constant-time comparison; a `sha256=` prefix is accepted. */
export function signatureMatches(secret: string, timestamp: string, rawBody: Uint8Array, given: string): boolean {
  const hex = given
    .trim()
    .toLowerCase()
    .replace(/^sha256=/, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  return timingSafeEqual(Buffer.from(kitchenSignature(secret, timestamp, rawBody), 'hex'), Buffer.from(hex, 'hex'));
}
