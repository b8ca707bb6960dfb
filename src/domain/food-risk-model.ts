/**
 * 食品经营风险分级 (SAMR Order 49 《食品生产经营监督检查管理办法》 Art. 21): a business's static risk (what food it
 * handles, by its licence's categories and kind, and its scale) plus its dynamic risk (risk control as seen in its
 * recent inspections, its credit class, its violations) give a score; the thresholds give the tier A (低) … D (高).
 * The model is data and versioned like the credit model; the same model also carries the yearly visit frequency per
 * tier (Art. 21: A ≥ 1, B 1–2, C 2–3, D 3–4), the Art. 22 full-scope interval and the Art. 42 quiet period.
 * assessFoodRisk is the reference; the recompute's SQL (food-tiers/repos/tier-sql.ts) must agree with it.
 */
export const foodTiers = ['A', 'B', 'C', 'D'] as const;
export type FoodTier = (typeof foodTiers)[number];
/** The most visits a year any tier may be configured with (the plan's SQL relies on it). */
export const MAX_VISITS_PER_YEAR = 12;

export type FoodIndicator =
  /** true → points */
  | { code: string; label: string; kind: 'flag'; fact: string; points: number }
  /** n × pointsEach, at most cap */
  | { code: string; label: string; kind: 'count'; fact: string; pointsEach: number; cap: number }
  /** the fact (text) looked up in the table */
  | { code: string; label: string; kind: 'match'; fact: string; table: Record<string, number> }
  /** the fact is a list (licence categories): the highest value of its members in the table */
  | { code: string; label: string; kind: 'anyOf'; fact: string; table: Record<string, number> }
  /** the fact (a number) reaches a step: the points of the highest step reached */
  | { code: string; label: string; kind: 'atLeast'; fact: string; steps: { min: number; points: number }[] };

export interface VisitBand {
  /** visits a year when the business's last inspection in the past 12 months passed (符合) */
  min: number;
  /** visits a year otherwise (no inspection, 基本符合 or 不符合) */
  max: number;
}

export interface FoodRiskModel {
  version: number;
  name: string;
  indicators: FoodIndicator[];
  /** Minimum score of each tier above A. */
  thresholds: { B: number; C: number; D: number };
  visitsPerYear: Record<FoodTier, VisitBand>;
  /** Art. 22: a full-scope inspection (every checklist point) at least once in this many years. */
  fullScopeYears: number;
  /** Art. 42: no routine inspection within this many months after a higher level's inspection. */
  higherLevelQuietMonths: number;
}

export type FoodRiskFacts = Record<string, boolean | number | string | string[] | null | undefined>;

/** The facts the recompute computes per business, with their meaning (the model page lists them). */
export const foodRiskFacts = {
  categories: { kind: 'list', label: '许可经营项目（食品类别）' },
  licenceKinds: { kind: 'list', label: '许可类型（经营/生产/小作坊/摊贩/备案）' },
  staff: { kind: 'number', label: '在岗持健康证从业人员数（规模）' },
  lastResult: { kind: 'text', label: '最近一次日常检查结果（pass/basicPass/fail）' },
  failed3y: { kind: 'number', label: '近三年检查不符合次数' },
  notInspected3y: { kind: 'flag', label: '近三年未经检查' },
  creditClass: { kind: 'text', label: '信用风险分类（A–D，信用模块）' },
  penalties3y: { kind: 'number', label: '近三年行政处罚（案件模块）' },
  poorGrade: { kind: 'flag', label: '当前动态等级为一般或不予评级' },
} as const;

export function foodIndicatorPoints(ind: FoodIndicator, facts: FoodRiskFacts): number {
  const v = facts[ind.fact];
  switch (ind.kind) {
    case 'flag':
      return v === true ? ind.points : 0;
    case 'count':
      return Math.min(ind.cap, Math.max(0, Number(v ?? 0)) * ind.pointsEach);
    case 'match':
      return typeof v === 'string' ? (ind.table[v] ?? 0) : 0;
    case 'anyOf': {
      const list = Array.isArray(v) ? v : [];
      return list.reduce((m, c) => Math.max(m, ind.table[c] ?? 0), 0);
    }
    case 'atLeast': {
      const n = Number(v ?? 0);
      return ind.steps.filter((s) => n >= s.min).reduce((m, s) => Math.max(m, s.points), 0);
    }
  }
}

export function tierForScore(score: number, t: FoodRiskModel['thresholds']): FoodTier {
  return score >= t.D ? 'D' : score >= t.C ? 'C' : score >= t.B ? 'B' : 'A';
}

export interface FoodRiskBreakdown {
  score: number;
  tier: FoodTier;
  factors: Record<string, number>;
}

export function assessFoodRisk(model: FoodRiskModel, facts: FoodRiskFacts): FoodRiskBreakdown {
  const factors: Record<string, number> = {};
  let score = 0;
  for (const ind of model.indicators) {
    const points = foodIndicatorPoints(ind, facts);
    if (points !== 0) factors[ind.code] = points;
    score += points;
  }
  return { score, tier: tierForScore(score, model.thresholds), factors };
}

/** Visits a year for a tier: the band's lower end after a passed inspection in the past 12 months. */
export const visitsFor = (model: FoodRiskModel, tier: FoodTier, passedLastYear: boolean) =>
  passedLastYear ? model.visitsPerYear[tier].min : model.visitsPerYear[tier].max;

/** Problems as { path, message } in Chinese, naming the field. */
export function validateFoodModel(model: Omit<FoodRiskModel, 'version'>): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const { B, C, D } = model.thresholds;
  if (!(B < C && C < D)) problems.push({ path: 'thresholds', message: '分级阈值须满足 B < C < D' });
  const codes = new Set<string>();
  model.indicators.forEach((ind, i) => {
    if (codes.has(ind.code)) problems.push({ path: `indicators.${i}.code`, message: `指标编码重复：${ind.code}` });
    codes.add(ind.code);
    if (!(ind.fact in foodRiskFacts))
      problems.push({ path: `indicators.${i}.fact`, message: `指标「${ind.label}」的事实项不存在：${ind.fact}` });
  });
  let previousMin = 0;
  for (const t of foodTiers) {
    const band = model.visitsPerYear[t];
    if (!(band.min >= 1 && band.min <= band.max && band.max <= MAX_VISITS_PER_YEAR))
      problems.push({ path: `visitsPerYear.${t}`, message: `${t} 级年检查频次须满足 1 ≤ 下限 ≤ 上限 ≤ 12` });
    else if (band.min < previousMin)
      problems.push({ path: `visitsPerYear.${t}`, message: `${t} 级年检查频次下限不得低于较低风险等级` });
    previousMin = band.min;
  }
  return problems;
}

/**
 * The built-in model (version 1) until a version is stored. Points are this project's choice (no province publishes
 * one table; verify locally): raw/cold food, canteens and production carry the most static risk; scale by staff
 * with health certificates; a failed inspection, a D credit class or penalties add dynamic risk.
 */
export const defaultFoodRiskModel: FoodRiskModel = {
  version: 1,
  name: '食品经营风险分级（默认）',
  thresholds: { B: 20, C: 40, D: 60 },
  visitsPerYear: { A: { min: 1, max: 1 }, B: { min: 1, max: 2 }, C: { min: 2, max: 3 }, D: { min: 3, max: 4 } },
  fullScopeYears: 2,
  higherLevelQuietMonths: 3,
  indicators: [
    {
      code: 'foodType',
      label: '食品类别（静态风险）',
      kind: 'anyOf',
      fact: 'categories',
      table: {
        rawFood: 30,
        coldFood: 25,
        canteen: 25,
        hotFood: 20,
        specialFood: 20,
        pastry: 15,
        drinks: 10,
        bulk: 10,
        other: 10,
        online: 5,
        prepackaged: 5,
      },
    },
    {
      code: 'licenceKind',
      label: '许可类型（生产、小作坊、摊贩）',
      kind: 'anyOf',
      fact: 'licenceKinds',
      table: { production: 20, workshop: 15, vendor: 10 },
    },
    {
      code: 'scale',
      label: '经营规模（从业人员）',
      kind: 'atLeast',
      fact: 'staff',
      steps: [
        { min: 5, points: 5 },
        { min: 20, points: 10 },
        { min: 50, points: 15 },
      ],
    },
    {
      code: 'lastResult',
      label: '最近一次检查结果',
      kind: 'match',
      fact: 'lastResult',
      table: { basicPass: 10, fail: 20 },
    },
    { code: 'failed', label: '近三年检查不符合', kind: 'count', fact: 'failed3y', pointsEach: 10, cap: 30 },
    { code: 'uninspected', label: '近三年未经检查', kind: 'flag', fact: 'notInspected3y', points: 10 },
    { code: 'credit', label: '信用风险分类', kind: 'match', fact: 'creditClass', table: { B: 5, C: 10, D: 20 } },
    { code: 'penalties', label: '近三年行政处罚', kind: 'count', fact: 'penalties3y', pointsEach: 10, cap: 30 },
    { code: 'grade', label: '动态等级一般或不予评级', kind: 'flag', fact: 'poorGrade', points: 10 },
  ],
};
