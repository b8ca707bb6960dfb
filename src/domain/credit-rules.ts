import type { Indicator, RiskModel } from './risk-model.ts';

/**
 * Facts the recompute knows how to gather per entity (SQL in modules/credit/risk-repo.ts), with the indicator kind
 * each one fits. A model may only use these; an editor typo must not silently score zero.
 */
export const riskFacts = {
  seriousViolation: { kind: 'flag', label: '列入严重违法失信名单' },
  abnormalListed: { kind: 'flag', label: '列入经营异常名录' },
  penalties3y: { kind: 'count', label: '近三年行政处罚次数（未撤销的处罚决定）' },
  failedChecks2y: { kind: 'count', label: '近两年抽查发现问题次数' },
  complaints1y: { kind: 'count', label: '近一年投诉举报件数' },
  annualReportsMissed: { kind: 'count', label: '最近两个年度未报年报数' },
  youngerThanOneYear: { kind: 'flag', label: '成立不满一年' },
  industryCode: { kind: 'prefix', label: '国民经济行业代码' },
} as const satisfies Record<string, { kind: Indicator['kind']; label: string }>;

export type RiskFactName = keyof typeof riskFacts;
export const isRiskFact = (f: string): f is RiskFactName => f in riskFacts;

/** Model problems beyond validateModel: unknown facts, a kind that does not fit its fact, non-integer points. */
export function checkModelFacts(model: RiskModel): string[] {
  const problems: string[] = [];
  const whole = (n: number) => Number.isInteger(n) && Math.abs(n) <= 10_000;
  for (const ind of model.indicators) {
    if (!isRiskFact(ind.fact)) {
      problems.push(`${ind.label}：未知的事实 ${ind.fact}（可用：${Object.keys(riskFacts).join('、')}）`);
      continue;
    }
    if (riskFacts[ind.fact].kind !== ind.kind)
      problems.push(`${ind.label}：事实 ${ind.fact} 只能用于 ${riskFacts[ind.fact].kind} 指标`);
    const points =
      ind.kind === 'flag' ? [ind.points] : ind.kind === 'count' ? [ind.pointsEach, ind.cap] : Object.values(ind.table);
    if (!points.every(whole)) problems.push(`${ind.label}：分值须为整数`);
    if (ind.kind === 'prefix' && Object.keys(ind.table).some((k) => !/^[0-9A-Z]{1,5}$/.test(k)))
      problems.push(`${ind.label}：行业代码前缀只能是 1–5 位数字或大写字母`);
  }
  const t = Object.values(model.thresholds);
  if (!t.every(whole)) problems.push('阈值须为整数');
  return problems;
}

/** Years back the annual-report indicator looks at (the demo and the model's cap both use two). */
export const REPORT_YEARS_COUNTED = 2;

/** The latest report year whose filing window (1 Jan – 30 Jun of the next year) has closed on `today`. */
export function latestClosedReportYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today > `${year}-06-30` ? year - 1 : year - 2;
}

/** Whether the window for `reportYear` has closed (listing for a missing report is allowed only then). */
export const reportWindowClosed = (reportYear: number, today: string) => today > `${reportYear + 1}-06-30`;

/** A business files for every year it existed at the year's end (registered this year: files from next year). */
export const mustReport = (establishedOn: string, reportYear: number) => establishedOn <= `${reportYear}-12-31`;

/** The same calendar day `years` earlier (29 Feb falls back to 28 Feb, as PostgreSQL's interval does). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** SAMR Order 44 (2021): still on the abnormal list 3 years after listing → proposed for the serious list. */
export const ABNORMAL_LIST_YEARS = 3;
export const seriousDue = (listedOn: string, today: string) => listedOn <= yearsBefore(today, ABNORMAL_LIST_YEARS);

/** (verify) Early removal from the serious list may be applied for after one year on it. */
export const SERIOUS_REPAIR_AFTER_YEARS = 1;

export interface RepairCondition {
  code: string;
  label: string;
  met: boolean;
}

/**
 * The legal conditions of 信用修复 for one listing. Abnormal list (missing annual report): the report is now filed,
 * and the listing is within its 3 years (after that it goes to the serious list instead). Serious list: one year on
 * it, and the duty behind the abnormal listing met.
 */
export function repairConditions(
  listing: { list: 'abnormal' | 'serious'; listedOn: string; reportYear: number | null },
  facts: { reportFiled: boolean },
  today: string,
): RepairCondition[] {
  const year = listing.reportYear ? `${listing.reportYear}年度` : '所欠';
  const dutyMet = { code: 'dutyMet', label: `已补报${year}报告并公示`, met: facts.reportFiled };
  if (listing.list === 'abnormal') {
    return [
      dutyMet,
      {
        code: 'within3Years',
        label: `列入经营异常名录未满${ABNORMAL_LIST_YEARS}年`,
        met: !seriousDue(listing.listedOn, today),
      },
    ];
  }
  return [
    dutyMet,
    {
      code: 'minimumPeriod',
      label: `列入严重违法失信名单已满${SERIOUS_REPAIR_AFTER_YEARS}年`,
      met: listing.listedOn <= yearsBefore(today, SERIOUS_REPAIR_AFTER_YEARS),
    },
  ];
}
