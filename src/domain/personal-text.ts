/**
 * Personal data inside free text that leaves the bureau (Open311, the public tracking page, the public register of
 * spot-check results): a complainant writes "请回电 138 1234 5678" into a description, a handler pastes a phone into
 * a result. Every outbound path passes its free text through maskPersonalText, so masking is one rule, not a
 * habit of each route. Identifiers that are public by law (USCC) are not free text and are not passed here.
 */
import { maskIdCard, maskPhone } from './id-card.ts';

const D = '[0-9０-９]';
/** Between digit groups as people type them: 138 1234 5678, 138-1234-5678. */
const SEP = '[ \\u3000\\-－]?';
const notDigitBefore = `(?<!${D})`;
const notDigitAfter = `(?!${D})`;

const toHalfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
const digitsOf = (s: string) => toHalfWidth(s).replace(/[^0-9Xx]/g, '');

/** Keeps only the last 4 (nothing when shorter than 8), the shape maskIdCard uses for non-18-digit numbers. */
const maskLongNumber = (s: string) => maskIdCard(digitsOf(s).toUpperCase());

const rules: [RegExp, (match: string) => string][] = [
  // ID numbers (18 with a check X, or 15) and any other long digit run such as a bank card, before phones, so a
  // mobile-shaped slice of them is never masked on its own.
  [new RegExp(`${notDigitBefore}${D}{17}[Xx](?![0-9０-９A-Za-z])`, 'g'), maskLongNumber],
  [new RegExp(`${notDigitBefore}${D}{15,19}${notDigitAfter}`, 'g'), maskLongNumber],
  // Mainland mobile, with an optional +86 / 0086 / 86 prefix and 3-4-4 grouping.
  [
    new RegExp(
      `${notDigitBefore}(?:(?:\\+|00)?86${SEP})?[1１][3-9３-９]${D}${SEP}${D}{4}${SEP}${D}{4}${notDigitAfter}`,
      'g',
    ),
    (m) => maskPhone(digitsOf(m).slice(-11)),
  ],
  // Landline with its area code: 010 / 02x / 0xxx, then 7–8 digits.
  [
    new RegExp(`${notDigitBefore}0${D}{2,3}${SEP}${D}{7,8}${notDigitAfter}`, 'g'),
    (m) => {
      const s = toHalfWidth(m).replace(/[ \u3000－]/g, '-');
      const masked = maskPhone(s);
      return masked === s ? `${'*'.repeat(s.length - 4)}${s.slice(-4)}` : masked;
    },
  ],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`],
];

/** The text with phone numbers, ID numbers (and other long digit runs) and e-mail addresses masked. */
export function maskPersonalText(text: string): string {
  return rules.reduce((s, [pattern, mask]) => s.replace(pattern, mask), text);
}

/** For nullable columns. */
export function maskPersonalTextOrNull(text: string | null): string | null {
  return text === null ? null : maskPersonalText(text);
}
