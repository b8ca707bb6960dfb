import type { KeyObject } from 'node:crypto';

/**
 * Signed QR placards (食品安全 point 5). The QR URL carries every signed field, so a scan can be checked offline
 * with the bureau's public key (`shijian verify-placard`) and online against the current grade (the portal).
 *
 *   <portal>/portal/placard?k=<kid>&i=<placard id>&e=<USCC>&g=<grade>&d=<YYYYMMDD>&s=<signature, base64url>
 *
 * The signature is Ed25519 over the canonical bytes below; changing any field, the key id or the version breaks it.
 */
export const PLACARD_PATH = '/portal/placard';

import { type PlacardGrade, placardGrades } from './food-placard-grades.ts';
import {
  canonicalBytes,
  keyIdOf,
  parsePublicKey,
  parseSigningKey,
  publicKeyPem,
  signBytes,
  verifyBytes,
} from './signing.ts';

export { keyIdOf, type PlacardGrade, parsePublicKey, parseSigningKey, placardGrades, publicKeyPem };

export interface PlacardFields {
  kid: string;
  placardId: number;
  uscc: string;
  grade: PlacardGrade;
  /** YYYY-MM-DD */
  issuedOn: string;
}

/** The placard's canonical bytes (scheme 'shijian-placard-v1', unchanged since the first placards). */
export const canonicalPlacardBytes = (f: PlacardFields): Buffer =>
  canonicalBytes('shijian-placard-v1', [f.kid, String(f.placardId), f.uscc, f.grade, f.issuedOn]);

export const signPlacard = (f: PlacardFields, privateKey: KeyObject): string =>
  signBytes(canonicalPlacardBytes(f), privateKey);

export const verifyPlacardSignature = (f: PlacardFields, signature: string, publicKey: KeyObject): boolean =>
  verifyBytes(canonicalPlacardBytes(f), signature, publicKey);

const compactDate = (d: string) => d.replaceAll('-', '');

export function placardUrl(base: string, f: PlacardFields, signature: string): string {
  const q = new URLSearchParams({
    k: f.kid,
    i: String(f.placardId),
    e: f.uscc,
    g: f.grade,
    d: compactDate(f.issuedOn),
    s: signature,
  });
  return `${base.replace(/\/+$/, '')}${PLACARD_PATH}?${q}`;
}

/** The query parameters of a placard URL, as the public API takes them (strings, unchecked). */
export interface PlacardQuery {
  k: string;
  i: string;
  e: string;
  g: string;
  d: string;
  s: string;
}

/** Parses the fields a URL (or its query) carries; undefined when a field is missing or malformed. */
export function parsePlacardQuery(
  q: Partial<Record<keyof PlacardQuery, string | undefined>>,
): { fields: PlacardFields; signature: string } | undefined {
  const { k, i, e, g, d, s } = q;
  if (!k || !/^[A-Za-z0-9_-]{4,32}$/.test(k)) return undefined;
  if (!i || !/^[1-9]\d{0,15}$/.test(i)) return undefined;
  if (!e || !/^[0-9A-Z]{18}$/.test(e)) return undefined;
  if (!g || !(placardGrades as readonly string[]).includes(g)) return undefined;
  if (!d || !/^\d{8}$/.test(d)) return undefined;
  const issuedOn = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (Number.isNaN(Date.parse(`${issuedOn}T00:00:00Z`))) return undefined;
  if (!s || !/^[A-Za-z0-9_-]{86}$/.test(s)) return undefined;
  return { fields: { kid: k, placardId: Number(i), uscc: e, grade: g as PlacardGrade, issuedOn }, signature: s };
}

export function parsePlacardUrl(url: string): { fields: PlacardFields; signature: string } | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  return parsePlacardQuery(Object.fromEntries(u.searchParams) as Partial<PlacardQuery>);
}

/** The face and word printed on the placard (2012 餐饮服务食品安全量化分级: 大笑/微笑/平脸; annual A/B/C). */
export const placardGradeFace: Record<PlacardGrade, { face: 'laugh' | 'smile' | 'flat'; word: string }> = {
  excellent: { face: 'laugh', word: '优秀' },
  good: { face: 'smile', word: '良好' },
  fair: { face: 'flat', word: '一般' },
  A: { face: 'laugh', word: 'A级 优秀' },
  B: { face: 'smile', word: 'B级 良好' },
  C: { face: 'flat', word: 'C级 一般' },
};
