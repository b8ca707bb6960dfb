/**
 * GB 11643-1999 citizen identity number (公民身份号码, 18 digits): pos 1–6 region code (GB/T 2260),
 * pos 7–14 birth date YYYYMMDD, pos 15–17 sequence (odd = male, even = female), pos 18 check character.
 * Also phone-number checks and masking, which share the same "personal data" concerns.
 */

/** 2^(18−i) mod 11 for positions 1–17. */
export const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECK_CHARS = '10X98765432';

/**
 * First two digits in use: the 31 mainland provinces, 71 Taiwan, and 81/82/83 used by the residence permits for
 * Hong Kong, Macao and Taiwan residents, which follow the same number format.
 */
// biome-ignore format: one short code per column reads better than one per line
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44',
  '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

export type IdCardErrorCode = 'length' | 'charset' | 'region' | 'birthDate' | 'checkChar';
export type IdCardValidation =
  | { ok: true; birthDate: string; sex: 'male' | 'female'; regionCode: string }
  | { ok: false; code: IdCardErrorCode; reason: string };

export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`身份证号码前17位应为数字：${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECK_CHARS.charAt(sum % 11);
}

const DAY_MS = 86_400_000;
let today = { day: '', until: 0 };

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), as YYYY-MM-DD; worked out once a day (imports ask per row). */
function shanghaiToday(): string {
  const now = Date.now() + 8 * 3_600_000;
  if (now >= today.until || now < today.until - DAY_MS) {
    today = { day: new Date(now).toISOString().slice(0, 10), until: Math.floor(now / DAY_MS) * DAY_MS + DAY_MS };
  }
  return today.day;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Birth-date problem in Chinese, or undefined; dates are compared as YYYY-MM-DD strings. */
function birthDateProblem(yyyymmdd: string, today: string): string | undefined {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!isCalendarDate(y, m, d)) return `出生日期 ${yyyymmdd} 不是有效日期`;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (iso < '1900-01-01') return `出生日期 ${iso} 早于1900年`;
  if (iso > today) return `出生日期 ${iso} 晚于今天`;
  return undefined;
}

/**
 * Strict validation of an 18-digit number (normalise with normaliseIdCard first: a lower-case x fails).
 * `today` (YYYY-MM-DD) defaults to the current date in Asia/Shanghai; tests pass it to stay deterministic.
 */
export function validateIdCard(id: string, options: { today?: string } = {}): IdCardValidation {
  if (id.length !== 18) return { ok: false, code: 'length', reason: `身份证号码应为18位，当前为${id.length}位` };
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, code: 'charset', reason: '身份证号码前17位应为数字，第18位应为数字或大写字母 X' };
  }
  if (!PROVINCE_PREFIXES.has(id.slice(0, 2))) {
    return { ok: false, code: 'region', reason: `身份证号码前两位 ${id.slice(0, 2)} 不是有效的省级行政区划代码` };
  }
  const problem = birthDateProblem(id.slice(6, 14), options.today ?? shanghaiToday());
  if (problem) return { ok: false, code: 'birthDate', reason: problem };
  const expected = idCardCheckChar(id.slice(0, 17));
  if (expected !== id.charAt(17)) {
    return { ok: false, code: 'checkChar', reason: `第18位校验码应为 ${expected}，实际为 ${id.charAt(17)}` };
  }
  return {
    ok: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

export function isValidIdCard(id: string, options: { today?: string } = {}): boolean {
  return validateIdCard(id, options).ok;
}

/** Builds a valid number for test and demo data: region6 + birth YYYYMMDD + seq3 + check character. */
export function makeIdCard(region6: string, birthYYYYMMDD: string, seq3: string): string {
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`行政区划代码应为6位数字：${region6}`);
  if (!/^\d{8}$/.test(birthYYYYMMDD)) throw new RangeError(`出生日期应为8位数字：${birthYYYYMMDD}`);
  if (!/^\d{3}$/.test(seq3)) throw new RangeError(`顺序码应为3位数字：${seq3}`);
  const first17 = `${region6}${birthYYYYMMDD}${seq3}`;
  return `${first17}${idCardCheckChar(first17)}`;
}

/** Full-width forms (U+FF01–FF5E) and the ideographic space map to ASCII. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, full-width → half-width, drop inner whitespace, x → X. Does not validate. */
export function normaliseIdCard(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}

/**
 * Masks for lists and the public portal: first 3 and last 4 kept (`330***********123X`): the birth date never shows,
 * only the province and one more digit; staff who may see the full number open the record instead. Any other length keeps only
 * the last 4 (or nothing when shorter than 8), so a malformed number never leaks whole.
 */
export function maskIdCard(id: string): string {
  if (id.length === 18) return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${'*'.repeat(id.length - 4)}${id.slice(-4)}`;
}

/** Half-width, no spaces; a +86 / 0086 / 86 country prefix before a mobile number is dropped. */
export function normalisePhone(p: string): string {
  const s = toHalfWidth(p).replace(/[\s()（）]/g, '');
  const mobile = /^(?:\+86|0086|86)-?(1[3-9]\d{9})$/.exec(s);
  return mobile?.[1] ?? s;
}

/** Mainland mobile: 11 digits, 1[3-9]xxxxxxxxx (spaces and a country prefix are tolerated). */
export function isValidMobile(p: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalisePhone(p).replace(/-/g, ''));
}

/**
 * Landline with area code (0757-86123456 or 075786123456, optional -extension). Area codes are 010 and 02x, or
 * 4 digits 03xx–09xx, which makes the split unambiguous without a hyphen; subscribers start with 2–9.
 */
const LANDLINE = /^(010|02\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-\d{1,6})?$/;
/** 5-digit public service numbers (12315, 12345, 95588 …) and 400/800 business numbers. */
const SERVICE_NUMBER = /^(?:1\d{4}|9[56]\d{3}|[48]00-?\d{3}-?\d{4})$/;

/**
 * A number a complainant or business may give: a mobile, a landline with its area code, a 5-digit service
 * number or a 400/800 number. A landline without area code is refused because the area is ambiguous.
 */
export function isValidPhone(p: string): boolean {
  const s = normalisePhone(p);
  return isValidMobile(s) || LANDLINE.test(s) || SERVICE_NUMBER.test(s);
}

/**
 * Mobile → `138****5678`; landline → area code kept, subscriber masked except its last 4 (`0757-****3456`);
 * service and 400/800 numbers are public and returned as given; anything else keeps only its last 4 digits.
 */
export function maskPhone(p: string): string {
  const s = normalisePhone(p);
  const digits = s.replace(/-/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (SERVICE_NUMBER.test(s)) return s;
  const landline = LANDLINE.exec(s);
  if (landline?.[1] && landline[2]) {
    const local = landline[2];
    return `${landline[1]}-${'*'.repeat(local.length - 4)}${local.slice(-4)}`;
  }
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
