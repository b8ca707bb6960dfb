import { isCalendarDay } from '../../../contracts/common.ts';
import { PHONE_PATTERN, type TEntityCreate, type TEntityType, ZEntityType } from '../../../contracts/entities.ts';
import { REGION_CODE_PATTERN } from '../../../contracts/org.ts';
import { validateIdCard } from '../../../domain/id-card.ts';
import { isValidIndustryCode } from '../../../domain/industry-codes.ts';
import { normaliseUscc, usccEntityType, validateUscc } from '../../../domain/uscc.ts';

/** A row's fields as validate-row.ts hands them to the contract (ZEntityCreate). */
export interface EntityCandidate {
  type: TEntityType | undefined;
  uscc: string;
  name: string;
  address: string;
  establishedOn: string;
  legalRepName: string | undefined;
  legalRepIdNumber: string | undefined;
  phone: string | undefined;
  regionCode: string | undefined;
  industryCode: string | undefined;
  registeredCapitalFen: number | undefined;
  businessScope: string | undefined;
  usccOverrideReason: undefined;
}

const TYPES = new Set<string>(ZEntityType.options);

/** Code points, a surrogate pair counting one (as zod measures strings). */
function codePointLength(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** The string trimmed, when it has [min, max] code points; else undefined. */
function within(s: string, min: number, max: number): string | undefined {
  const t = s.trim();
  const units = t.length;
  // Counted only where units and code points can disagree about the bounds, as zod does.
  const length = (units >= min && units < min * 2) || units > max ? codePointLength(t) : units;
  return length >= min && length <= max ? t : undefined;
}

/**
 * The entity ZEntityCreate gives for a candidate that passes it, by the same rules and domain checks without zod's
 * machinery (two fifths of a row's validation), or undefined when any rule fails: the contract then runs and words
 * the errors. The contract stays the reference: valid-entity.test.ts checks that both accept exactly the same
 * candidates with the same result, so a change to ZEntityCreate that is not made here fails that test.
 */
export function validEntity(c: EntityCandidate): TEntityCreate | undefined {
  if (c.type === undefined || !TYPES.has(c.type) || c.usccOverrideReason !== undefined) return undefined;
  if (c.uscc.length > 40) return undefined;
  const uscc = normaliseUscc(c.uscc);
  if (!validateUscc(uscc).ok) return undefined;
  const fromCode = usccEntityType(uscc);
  if (fromCode !== 'other' && fromCode !== c.type) return undefined;
  const name = within(c.name, 2, 200);
  const address = within(c.address, 2, 300);
  if (name === undefined || address === undefined) return undefined;
  if (!isCalendarDay(c.establishedOn)) return undefined;
  const entity: TEntityCreate = { type: c.type, uscc, name, address, establishedOn: c.establishedOn };
  if (c.legalRepName !== undefined) {
    const v = within(c.legalRepName, 1, 50);
    if (v === undefined) return undefined;
    entity.legalRepName = v;
  }
  if (c.legalRepIdNumber !== undefined) {
    const t = c.legalRepIdNumber.trim();
    if (t.length > 30) return undefined;
    const id = t.toUpperCase();
    if (!validateIdCard(id).ok) return undefined;
    entity.legalRepIdNumber = id;
  }
  if (c.phone !== undefined) {
    const phone = c.phone.trim();
    if (!PHONE_PATTERN.test(phone)) return undefined;
    entity.phone = phone;
  }
  if (c.regionCode !== undefined) {
    if (!REGION_CODE_PATTERN.test(c.regionCode)) return undefined;
    entity.regionCode = c.regionCode;
  }
  if (c.industryCode !== undefined) {
    const code = within(c.industryCode, 0, 10);
    if (code === undefined || !isValidIndustryCode(code)) return undefined;
    entity.industryCode = code;
  }
  if (c.registeredCapitalFen !== undefined) {
    const fen = c.registeredCapitalFen;
    if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) return undefined;
    entity.registeredCapitalFen = fen;
  }
  if (c.businessScope !== undefined) {
    const scope = within(c.businessScope, 0, 4000);
    if (scope === undefined) return undefined;
    entity.businessScope = scope;
  }
  return entity;
}
