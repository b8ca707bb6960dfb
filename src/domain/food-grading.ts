/**
 * 日常监督检查 result rules and 量化分级 (issue 13 points 3–4). Every provincial value is one FoodGradingConfig; the
 * one in force is the active version of food_grading_rules (src/modules/food-rules), which a bureau edits on the page
 * 量化分级规则. `foodGradingDefaults` is the seed of version 1 and what the pure-rule tests pin (docs/FOOD.md).
 */

export type ItemOutcome = 'pass' | 'fail' | 'na';
export type InspectionResult = 'pass' | 'basicPass' | 'fail';
export type DynamicGrade = 'excellent' | 'good' | 'fair' | 'none';
export type AnnualGrade = 'A' | 'B' | 'C';

export interface FoodGradingConfig {
  /** 不符合 when at least this many 重点 items failed (1: any). */
  failOnKeyFailures: number;
  /** 不符合 also when at least this many 一般 items failed (null: never from 一般 items alone). */
  failOnGeneralFailures: number | null;
  /** Points deducted from 100 per failed 重点 / 一般 item. */
  keyDeduction: number;
  generalDeduction: number;
  /** Dynamic grade bands: score ≥ excellent → 优秀, ≥ good → 良好, ≥ fair → 一般, else 不予评级. */
  bands: { excellent: number; good: number; fair: number };
  /** This many failed 重点 items → 不予评级 whatever the score. */
  noGradeOnKeyFailures: number;
  /** 责令整改 deadline in working days after the inspection. */
  rectifyWorkingDays: { basicPass: number; fail: number };
  /** No dynamic grade within these months after the first licence / after a 食品安全事故. */
  newLicenceEmbargoMonths: number;
  incidentEmbargoMonths: number;
  /** Annual grade from the mean score of the last 12 months' dynamic grades; any 不予评级 caps it at C. */
  annual: { A: number; B: number; windowMonths: number; noneCapsAtC: boolean };
  /** 食品安全法 / Order 49 Art. 39: results published within this many working days. */
  publishWorkingDays: number;
}

export const foodGradingDefaults: FoodGradingConfig = {
  failOnKeyFailures: 1,
  failOnGeneralFailures: 6,
  keyDeduction: 15,
  generalDeduction: 5,
  bands: { excellent: 90, good: 75, fair: 60 },
  noGradeOnKeyFailures: 2,
  rectifyWorkingDays: { basicPass: 15, fail: 10 },
  newLicenceEmbargoMonths: 3,
  incidentEmbargoMonths: 6,
  annual: { A: 90, B: 75, windowMonths: 12, noneCapsAtC: true },
  publishWorkingDays: 20,
};

export interface Tally {
  keyFailures: number;
  generalFailures: number;
}

export function tally(results: { outcome: ItemOutcome; key: boolean }[]): Tally {
  let keyFailures = 0;
  let generalFailures = 0;
  for (const r of results) if (r.outcome === 'fail') r.key ? keyFailures++ : generalFailures++;
  return { keyFailures, generalFailures };
}

/** 符合 / 基本符合 / 不符合 from the failed items. */
export function inspectionResult(t: Tally, c: FoodGradingConfig = foodGradingDefaults): InspectionResult {
  if (t.keyFailures >= c.failOnKeyFailures) return 'fail';
  if (c.failOnGeneralFailures !== null && t.generalFailures >= c.failOnGeneralFailures) return 'fail';
  return t.generalFailures > 0 ? 'basicPass' : 'pass';
}

/** 100 less the deductions, never below 0. */
export function inspectionScore(t: Tally, c: FoodGradingConfig = foodGradingDefaults): number {
  return Math.max(0, 100 - t.keyFailures * c.keyDeduction - t.generalFailures * c.generalDeduction);
}

export function dynamicGrade(score: number, t: Tally, c: FoodGradingConfig = foodGradingDefaults): DynamicGrade {
  if (t.keyFailures >= c.noGradeOnKeyFailures) return 'none';
  if (score >= c.bands.excellent) return 'excellent';
  if (score >= c.bands.good) return 'good';
  if (score >= c.bands.fair) return 'fair';
  return 'none';
}

export function annualGrade(
  meanScore: number,
  anyNone: boolean,
  c: FoodGradingConfig = foodGradingDefaults,
): AnnualGrade {
  if (anyNone && c.annual.noneCapsAtC) return 'C';
  if (meanScore >= c.annual.A) return 'A';
  if (meanScore >= c.annual.B) return 'B';
  return 'C';
}

export const addMonths = (day: string, n: number): string => {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
};

/** Why no dynamic grade may be given on `day` (null: it may). */
export function gradeEmbargo(
  day: string,
  firstLicenceOn: string | null,
  lastIncidentOn: string | null,
  c: FoodGradingConfig = foodGradingDefaults,
): 'newLicence' | 'incident' | null {
  if (lastIncidentOn && day < addMonths(lastIncidentOn, c.incidentEmbargoMonths) && day >= lastIncidentOn)
    return 'incident';
  if (firstLicenceOn && day < addMonths(firstLicenceOn, c.newLicenceEmbargoMonths)) return 'newLicence';
  return null;
}

export const resultLabels: Record<InspectionResult, string> = { pass: '符合', basicPass: '基本符合', fail: '不符合' };
export const dynamicGradeLabels: Record<DynamicGrade, string> = {
  excellent: '优秀（大笑）',
  good: '良好（微笑）',
  fair: '一般（平脸）',
  none: '不予评级',
};

/** The checklist a business is inspected on, from its licences' categories. */
export type BusinessType = 'catering' | 'sales' | 'production';
const cateringCategories = new Set(['hotFood', 'coldFood', 'rawFood', 'pastry', 'drinks', 'canteen']);
export function businessTypeOf(licences: { kind: string; categories: string[] }[]): BusinessType {
  if (licences.some((l) => l.kind === 'production' || l.kind === 'workshop')) return 'production';
  if (licences.some((l) => l.categories.some((c) => cateringCategories.has(c)))) return 'catering';
  return 'sales';
}
