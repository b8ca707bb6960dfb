import type { KeyObject } from 'node:crypto';
import { canonicalBytes, signBytes, verifyBytes } from './signing.ts';

/**
 * Signed lift plates (电梯使用标志, issue 14 point 4), on the bureau's one signing key set. The QR URL carries every
 * signed field, so a scan can be checked offline (`shijian verify-plate`) and online against the register:
 *
 *   <portal>/portal/plate?k=<kid>&i=<plate id>&c=<equipment code>&r=<registration no>&v=<valid until YYYYMMDD>
 *     &d=<issued YYYYMMDD>&s=<signature>
 *
 * The scheme line 'shijian-lift-plate-v1' differs from the food placard's, so a placard signature never passes.
 */
export const PLATE_PATH = '/portal/plate';
export const PLATE_SCHEME = 'shijian-lift-plate-v1';
/** 电梯应急救援 number printed on every plate. */
export const LIFT_EMERGENCY_NUMBER = '96333';

export interface PlateFields {
  kid: string;
  plateId: number;
  equipmentCode: string;
  registrationNo: string;
  /** YYYY-MM-DD: the inspection's 下次检验日期 when the plate was issued. */
  validUntil: string;
  issuedOn: string;
}

export const canonicalPlateBytes = (f: PlateFields): Buffer =>
  canonicalBytes(PLATE_SCHEME, [f.kid, String(f.plateId), f.equipmentCode, f.registrationNo, f.validUntil, f.issuedOn]);

export const signPlate = (f: PlateFields, privateKey: KeyObject): string =>
  signBytes(canonicalPlateBytes(f), privateKey);

export const verifyPlateSignature = (f: PlateFields, signature: string, publicKey: KeyObject): boolean =>
  verifyBytes(canonicalPlateBytes(f), signature, publicKey);

const compact = (d: string) => d.replaceAll('-', '');
const expand = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

export function plateUrl(base: string, f: PlateFields, signature: string): string {
  const q = new URLSearchParams({
    k: f.kid,
    i: String(f.plateId),
    c: f.equipmentCode,
    r: f.registrationNo,
    v: compact(f.validUntil),
    d: compact(f.issuedOn),
    s: signature,
  });
  return `${base.replace(/\/+$/, '')}${PLATE_PATH}?${q}`;
}

export type PlateQuery = Record<'k' | 'i' | 'c' | 'r' | 'v' | 'd' | 's', string>;

const validDay = (d: string | undefined) =>
  !!d && /^\d{8}$/.test(d) && !Number.isNaN(Date.parse(`${expand(d)}T00:00:00Z`));

/** The fields a plate URL's query carries; undefined when one is missing or malformed. */
export function parsePlateQuery(
  q: Partial<Record<keyof PlateQuery, string | undefined>>,
): { fields: PlateFields; signature: string } | undefined {
  const { k, i, c, r, v, d, s } = q;
  if (!k || !/^[A-Za-z0-9_-]{4,32}$/.test(k)) return undefined;
  if (!i || !/^[1-9]\d{0,15}$/.test(i)) return undefined;
  if (!c || c.length > 64 || /[\n\r]/.test(c)) return undefined;
  if (!r || r.length > 64 || /[\n\r]/.test(r)) return undefined;
  if (!validDay(v) || !validDay(d)) return undefined;
  if (!s || !/^[A-Za-z0-9_-]{86}$/.test(s)) return undefined;
  return {
    fields: {
      kid: k,
      plateId: Number(i),
      equipmentCode: c,
      registrationNo: r,
      validUntil: expand(v!),
      issuedOn: expand(d!),
    },
    signature: s,
  };
}

export function parsePlateUrl(url: string): { fields: PlateFields; signature: string } | undefined {
  try {
    return parsePlateQuery(Object.fromEntries(new URL(url).searchParams) as Partial<PlateQuery>);
  } catch {
    return undefined;
  }
}
