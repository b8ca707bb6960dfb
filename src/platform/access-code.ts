import { createHash, randomInt } from 'node:crypto';
import { AppError } from './errors.ts';

/**
 * Access codes for people who are not staff (a food business on its portal, a pharmacy's counter): printed on a
 * notice, typed on a phone, stored only as a hash. Each use names its namespace, so one code never opens two doors.
 */

/** Crockford base32 without I, L, O, U: nothing to misread on a printed notice. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new access code: 12 random symbols (60 bits), printed as XXXX-XXXX-XXXX. */
export function newAccessCode(): string {
  const s = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What a person types, read forgivingly: case, spaces, dashes, and O/I/L for 0/1/1. */
export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The stored form; a lookup by this hash reveals nothing about codes that are "close". */
export const hashAccessCodeIn = (namespace: string, input: string) =>
  createHash('sha256')
    .update(`${namespace}:${normalizeAccessCode(input)}`)
    .digest('hex');

export const looksLikeAccessCode = (input: string) => /^[0-9A-HJKMNP-TV-Z]{12}$/.test(normalizeAccessCode(input));

/**
 * One refusal for every wrong code, whatever its shape (a typo, a replaced code, a guess): nothing tells how close a
 * guess was. `where` tells the holder where their code is to be found; the field is always accessCode.
 */
export const wrongAccessCode = (where: string) =>
  new AppError('VALIDATION', `访问码不正确或已失效，请核对${where}`, [
    { path: 'accessCode', message: '访问码不正确或已失效' },
  ]);
