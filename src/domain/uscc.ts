import { orgCodeCheckChar } from './org-code.ts';

/**
 * GB 32100-2015 unified social credit code (统一社会信用代码), 18 characters:
 * pos 1 registration authority, pos 2 organisation category, pos 3–8 region code (GB/T 2260),
 * pos 9–17 subject identifier (a GB 11714 organisation code with its own check digit in pos 17),
 * pos 18 check character over the first 17.
 */

/** The 31 characters in value order; I, O, Z, S and V are left out to avoid confusion with 1, 0, 2, 5 and U. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^(i-1) mod 31 for positions 1–17. */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccEntityType = 'enterprise' | 'individualBusiness' | 'farmerCooperative' | 'other';
export type UsccErrorCode = 'length' | 'charset' | 'checkChar' | 'orgCode';

export type UsccValidation =
  | {
      ok: true;
      entityType: UsccEntityType;
      regionCode: string;
      /**
       * Whether pos 9–17 carry a valid GB 11714 check digit. Always true for 91/93 (a failure there is an
       * error); for 92 and codes of other authorities it is only a soft flag, see validateUscc.
       */
      orgCodeValid: boolean;
    }
  | { ok: false; code: UsccErrorCode; reason: string };

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{18}$/;

function usccValue(ch: string): number {
  return USCC_ALPHABET.indexOf(ch);
}

/** Check character over 17 characters: c = 31 − (Σ value·weight mod 31), with 31 → 0. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`统一社会信用代码前17位长度应为17，实际为${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = usccValue(first17.charAt(i));
    if (value < 0) throw new RangeError(`第${i + 1}位字符“${first17.charAt(i)}”不在统一社会信用代码字符集中`);
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export function usccEntityType(code: string): UsccEntityType {
  switch (code.slice(0, 2)) {
    case '91':
      return 'enterprise';
    case '92':
      return 'individualBusiness';
    case '93':
      return 'farmerCooperative';
    default:
      return 'other';
  }
}

/** The embedded organisation-code digit may fail for these without the code being wrong, so it never blocks them. */
function orgCodeIsHardRule(code: string): boolean {
  return code.startsWith('91') || code.startsWith('93');
}

/**
 * Strict validation of an already-normalised code (see normaliseUscc); lower case or full-width input fails.
 * Order: length, charset, pos-18 check character, then the GB 11714 digit in pos 17.
 * The GB 11714 digit is an error only for 91 (enterprise) and 93 (farmer cooperative): their subject identifier is
 * an organisation code. Individual businesses (92) were often given identifiers that are not organisation codes,
 * and other authorities' codes are outside this bureau's registry, so for them it is returned as `orgCodeValid`.
 * A failed check is refused unless a user explicitly overrides it (DOMAIN.md); that override lives in the caller.
 */
export function validateUscc(code: string): UsccValidation {
  if (code.length !== 18) {
    return { ok: false, code: 'length', reason: `统一社会信用代码应为18位，当前为${code.length}位` };
  }
  if (!USCC_SHAPE.test(code)) {
    let index = 0;
    while (usccValue(code.charAt(index)) >= 0) index++;
    const bad = code.charAt(index);
    return {
      ok: false,
      code: 'charset',
      reason: `第${index + 1}位字符“${bad}”不在统一社会信用代码字符集中（只含数字和除 I、O、Z、S、V 外的大写字母）`,
    };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    return { ok: false, code: 'checkChar', reason: `第18位校验码应为 ${expected}，实际为 ${code.charAt(17)}` };
  }
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  const orgCodeValid = orgExpected === code.charAt(16);
  if (!orgCodeValid && orgCodeIsHardRule(code)) {
    return {
      ok: false,
      code: 'orgCode',
      reason: `第17位（组织机构代码校验码）应为 ${orgExpected}，实际为 ${code.charAt(16)}`,
    };
  }
  return { ok: true, entityType: usccEntityType(code), regionCode: code.slice(2, 8), orgCodeValid };
}

export function isValidUscc(code: string): boolean {
  return validateUscc(code).ok;
}

/**
 * Builds a valid code: prefix2 (e.g. '91'), region6 (six digits), subject8 (the first 8 characters of the subject
 * identifier, from the USCC alphabet); pos 17 gets the GB 11714 digit and pos 18 the check character.
 */
export function makeUscc(prefix2: string, region6: string, subject8: string): string {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}$/.test(prefix2)) throw new RangeError(`登记管理部门和机构类别代码无效：${prefix2}`);
  if (!/^\d{6}$/.test(region6)) throw new RangeError(`行政区划代码应为6位数字：${region6}`);
  if (!/^[0-9A-HJ-NP-RTUW-Y]{8}$/.test(subject8)) throw new RangeError(`主体标识码前8位无效：${subject8}`);
  const first17 = `${prefix2}${region6}${subject8}${orgCodeCheckChar(subject8)}`;
  return `${first17}${usccCheckChar(first17)}`;
}

/** Full-width forms (U+FF01–FF5E) and the ideographic space map to ASCII; typed and pasted codes often carry them. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, full-width → half-width, drop inner whitespace, upper-case. Does not validate. */
export function normaliseUscc(s: string): string {
  return toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
}
