import type { RiskClass } from './spot-check-draw.ts';

/**
 * 信用风险分类: an indicator model stored as data (admins edit and version it). Each indicator turns one
 * fact about an entity into points; the sum against the thresholds gives A (低) … D (高风险).
 */
export type Indicator =
  | { code: string; label: string; kind: 'flag'; fact: string; points: number }
  | { code: string; label: string; kind: 'count'; fact: string; pointsEach: number; cap: number }
  | { code: string; label: string; kind: 'prefix'; fact: string; table: Record<string, number> };

export interface RiskModel {
  version: number;
  name: string;
  indicators: Indicator[];
  /** Minimum score for each class above A. */
  thresholds: { B: number; C: number; D: number };
}

export type RiskFacts = Record<string, boolean | number | string | null | undefined>;

export interface RiskBreakdown {
  score: number;
  riskClass: RiskClass;
  parts: { code: string; label: string; points: number }[];
}

export function indicatorPoints(ind: Indicator, facts: RiskFacts): number {
  const v = facts[ind.fact];
  switch (ind.kind) {
    case 'flag':
      return v === true ? ind.points : 0;
    case 'count':
      return Math.min(ind.cap, Math.max(0, Number(v ?? 0)) * ind.pointsEach);
    case 'prefix': {
      if (typeof v !== 'string') return 0;
      // Longest matching prefix wins, so "6210" can be scored apart from the rest of "62".
      const key = Object.keys(ind.table)
        .filter((p) => v.startsWith(p))
        .sort((a, b) => b.length - a.length)[0];
      return key === undefined ? 0 : ind.table[key]!;
    }
  }
}

export function classForScore(score: number, t: RiskModel['thresholds']): RiskClass {
  return score >= t.D ? 'D' : score >= t.C ? 'C' : score >= t.B ? 'B' : 'A';
}

export function assessRisk(model: RiskModel, facts: RiskFacts): RiskBreakdown {
  const parts = model.indicators
    .map((ind) => ({ code: ind.code, label: ind.label, points: indicatorPoints(ind, facts) }))
    .filter((p) => p.points !== 0);
  const score = parts.reduce((s, p) => s + p.points, 0);
  return { score, riskClass: classForScore(score, model.thresholds), parts };
}

export function validateModel(model: RiskModel): string[] {
  const problems: string[] = [];
  const { B, C, D } = model.thresholds;
  if (!(B < C && C < D)) problems.push('阈值须满足 B < C < D');
  const codes = new Set<string>();
  for (const ind of model.indicators) {
    if (codes.has(ind.code)) problems.push(`指标编码重复：${ind.code}`);
    codes.add(ind.code);
    if (ind.kind === 'count' && (ind.cap < 0 || ind.pointsEach < 0)) problems.push(`${ind.label}：分值不能为负`);
  }
  return problems;
}

/** The default model: published practice (listings, penalties, failed checks) plus industry risk. */
export const defaultRiskModel: RiskModel = {
  version: 1,
  name: '市场主体信用风险分类（默认）',
  thresholds: { B: 10, C: 30, D: 50 },
  indicators: [
    { code: 'serious', label: '列入严重违法失信名单', kind: 'flag', fact: 'seriousViolation', points: 60 },
    { code: 'abnormal', label: '列入经营异常名录', kind: 'flag', fact: 'abnormalListed', points: 30 },
    { code: 'penalties', label: '近三年行政处罚', kind: 'count', fact: 'penalties3y', pointsEach: 15, cap: 45 },
    {
      code: 'failedChecks',
      label: '近两年抽查发现问题',
      kind: 'count',
      fact: 'failedChecks2y',
      pointsEach: 10,
      cap: 30,
    },
    { code: 'complaints', label: '近一年被投诉举报', kind: 'count', fact: 'complaints1y', pointsEach: 2, cap: 10 },
    {
      code: 'reportMissed',
      label: '未按时报送年报（年数）',
      kind: 'count',
      fact: 'annualReportsMissed',
      pointsEach: 10,
      cap: 20,
    },
    { code: 'young', label: '成立不满一年', kind: 'flag', fact: 'youngerThanOneYear', points: 5 },
    {
      code: 'industry',
      label: '行业风险',
      kind: 'prefix',
      fact: 'industryCode',
      table: { '13': 6, '14': 8, '15': 6, '62': 8, '5251': 8, '5252': 6, '3': 3 },
    },
  ],
};
