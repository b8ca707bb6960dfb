import { INDUSTRY_DETAILS, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from './industry-codes.data.ts';

/**
 * GB/T 4754-2017 lookups. Codes are written either bare ('H', '62', '623', '6231') or with the 门类 letter in
 * front of the digits ('H62', 'H623', 'H6231'), as registration systems print them.
 */

/** 门类 / 大类 / 中类 / 小类. */
export type IndustryLevel = 'section' | 'division' | 'group' | 'class';

export interface IndustryEntry {
  /** Bare code: a letter for a 门类, 2/3/4 digits below it. */
  code: string;
  name: string;
  level: IndustryLevel;
  /** The 门类 letter, also for the 门类 itself. */
  section: string;
}

export { INDUSTRY_DETAILS, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS };

const LEVEL_BY_LENGTH: Record<number, IndustryLevel> = { 1: 'section', 2: 'division', 3: 'group', 4: 'class' };

function buildIndex(): Map<string, IndustryEntry> {
  const index = new Map<string, IndustryEntry>();
  const sectionOfDivision = new Map<string, string>();
  for (const [code, name] of INDUSTRY_SECTIONS) index.set(code, { code, name, level: 'section', section: code });
  for (const [code, name, section] of INDUSTRY_DIVISIONS) {
    index.set(code, { code, name, level: 'division', section });
    sectionOfDivision.set(code, section);
  }
  for (const [code, name] of INDUSTRY_DETAILS) {
    const section = sectionOfDivision.get(code.slice(0, 2));
    const level = LEVEL_BY_LENGTH[code.length];
    // The data file is checked by its test; a bad row is skipped here rather than crashing every importer.
    if (!section || !level) continue;
    index.set(code, { code, name, level, section });
    // A 小类 ending in 0 is the only child of a 中类 of the same name, which the data file leaves out.
    const group = code.slice(0, 3);
    if (level === 'class' && code.endsWith('0') && !index.has(group)) {
      index.set(group, { code: group, name, level: 'group', section });
    }
  }
  return index;
}

const INDEX = buildIndex();

/** Upper-cases and trims; strips a 门类 letter in front of digits when it matches the digits' 门类. */
function bareCode(code: string): string | undefined {
  const s = code.trim().toUpperCase();
  const prefixed = /^([A-T])(\d{2,4})$/.exec(s);
  if (!prefixed) return s;
  const [, letter, digits] = prefixed;
  if (!digits || INDEX.get(digits.slice(0, 2))?.section !== letter) return undefined;
  return digits;
}

/** The entry for a known code, bare or letter-prefixed; undefined for unknown codes or a mismatched letter. */
export function industryByCode(code: string): IndustryEntry | undefined {
  const bare = bareCode(code);
  return bare === undefined ? undefined : INDEX.get(bare);
}

export function isValidIndustryCode(code: string): boolean {
  return industryByCode(code) !== undefined;
}

/** [门类, 大类, 中类?, 小类?] from the top down, ending at the code itself; [] for an unknown code. */
export function industryPath(code: string): IndustryEntry[] {
  const entry = industryByCode(code);
  if (!entry) return [];
  if (entry.level === 'section') return [entry];
  const path: IndustryEntry[] = [];
  const section = INDEX.get(entry.section);
  if (section) path.push(section);
  for (let length = 2; length <= entry.code.length; length++) {
    const ancestor = INDEX.get(entry.code.slice(0, length));
    if (ancestor) path.push(ancestor);
  }
  return path;
}

/** Letter-prefixed form ('6231' → 'H6231') for display and export; undefined for an unknown code. */
export function industryFullCode(code: string): string | undefined {
  const entry = industryByCode(code);
  if (!entry) return undefined;
  return entry.level === 'section' ? entry.code : `${entry.section}${entry.code}`;
}

/** Every known entry of one level, in code order. */
export function industriesAtLevel(level: IndustryLevel): IndustryEntry[] {
  return [...INDEX.values()].filter((e) => e.level === level).sort((a, b) => a.code.localeCompare(b.code));
}
