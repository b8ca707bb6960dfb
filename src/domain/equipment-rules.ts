/**
 * Pure rules of the special-equipment register (issue 14): the category an equipment code names, the periodic
 * inspection interval picked from the data table, the next due date and the inspection state. No I/O.
 */

/** A code's category must match its category: the first digit (the top-level 1000…9000) at least. */
export function codeFitsCategory(equipmentCode: string, categoryCode: string): boolean {
  const code = equipmentCode.trim().toUpperCase();
  if (!/^[0-9A-F][0-9A-Z]{3}[0-9A-Z-]{0,36}$/.test(code)) return false;
  return code[0] === categoryCode[0];
}

export const gasClasses = ['corrosive', 'general', 'inert'] as const;
export type GasClass = (typeof gasClasses)[number];
export const gasClassLabels: Record<GasClass, string> = {
  corrosive: '腐蚀性气体',
  general: '一般气体',
  inert: '惰性气体',
};

export interface IntervalRow {
  categoryCode: string;
  inspectionKind: 'periodic' | 'external' | 'internal';
  conditionKind: 'none' | 'safetyGrade' | 'gasClass';
  conditionValue: string;
  intervalMonths: number;
}

export interface IntervalSubject {
  categoryCode: string;
  /** The top-level code (3000 for 3100). */
  topCategoryCode: string;
  safetyGrade: number | null;
  gasClass: string | null;
}

/**
 * The interval for a kind of inspection: the sub-type's rows win over the top-level ones; within a category a row
 * whose condition matches (safety grade, gas class) wins over the unconditional one. Undefined when none applies.
 */
export function pickInterval(
  rows: readonly IntervalRow[],
  s: IntervalSubject,
  kind: IntervalRow['inspectionKind'],
): IntervalRow | undefined {
  for (const code of [s.categoryCode, s.topCategoryCode]) {
    const mine = rows.filter((r) => r.categoryCode === code && r.inspectionKind === kind);
    const match = mine.find(
      (r) =>
        (r.conditionKind === 'safetyGrade' && s.safetyGrade !== null && r.conditionValue === String(s.safetyGrade)) ||
        (r.conditionKind === 'gasClass' && s.gasClass !== null && r.conditionValue === s.gasClass),
    );
    if (match) return match;
    const plain = mine.find((r) => r.conditionKind === 'none');
    if (plain) return plain;
  }
  return undefined;
}

/** Adds months to a calendar date; the 31st of a shorter month becomes its last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The next due date after an inspection on `inspectedOn`: the soonest of the kinds the category has (a boiler's
 * external and internal inspections), each counted from this inspection. Undefined when no interval applies.
 */
export function nextDueAfter(
  rows: readonly IntervalRow[],
  s: IntervalSubject,
  inspectedOn: string,
): string | undefined {
  const dates = (['periodic', 'external', 'internal'] as const)
    .map((k) => pickInterval(rows, s, k))
    .filter((r): r is IntervalRow => r !== undefined)
    .map((r) => addMonths(inspectedOn, r.intervalMonths));
  return dates.sort()[0];
}

/** 正常 → 应报检 (within `noticeMonths` of the due date) → 超期未检 (after it). */
export function inspectionStateOn(
  nextDue: string | null,
  today: string,
  noticeMonths = 1,
): 'normal' | 'due' | 'overdue' {
  if (!nextDue) return 'normal';
  if (nextDue < today) return 'overdue';
  if (addMonths(today, noticeMonths) >= nextDue) return 'due';
  return 'normal';
}

/** Whether a category code is a lift (3000 and its sub-types). */
export const isLift = (categoryCode: string) => categoryCode.startsWith('3');
