/**
 * GB 11714-1997 organisation code (组织机构代码): 8 body characters (0-9, A-Z) + 1 check character.
 * It is also the subject identifier in positions 9–17 of a unified social credit code.
 */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_CODE_BODY = /^[0-9A-Z]{8}$/;

/** 0-9 are worth 0-9 and A-Z are worth 10-35, as the standard prescribes. */
function orgCharValue(ch: string): number {
  return Number.parseInt(ch, 36);
}

/** Check character for 8 body characters: c = 11 − (Σ value·weight mod 11); 10 → X, 11 → 0. */
export function orgCodeCheckChar(first8: string): string {
  if (!ORG_CODE_BODY.test(first8)) throw new RangeError(`组织机构代码本体应为8位数字或大写字母：${first8}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(first8.charAt(i)) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  if (c === 10) return 'X';
  if (c === 11) return '0';
  return String(c);
}

/** Accepts exactly 9 characters without a hyphen; callers strip the printed form 'XXXXXXXX-X' first. */
export function isValidOrgCode(code9: string): boolean {
  if (code9.length !== 9) return false;
  const body = code9.slice(0, 8);
  if (!ORG_CODE_BODY.test(body)) return false;
  return orgCodeCheckChar(body) === code9.charAt(8);
}
