import type { Transition } from './transition.ts';

/**
 * 红黑榜 (issue 13, point 10): which food businesses a station lists each month. The rules are configuration (this
 * object is the default; every list keeps a copy of the rules it was drafted with). A business on both boards'
 * criteria goes on the black board only.
 */
export interface HonourRules {
  /** The look-back window ending on the last day of the list's month. */
  windowMonths: number;
  red: {
    /** The dynamic grade in force at the month's end must be one of these (优秀 by default). */
    grades: readonly string[];
    /** At most this many 不符合 inspections in the window. */
    maxFails: number;
    /** At least this many done inspections in the window, every one of them 符合 (none 基本符合 or 不符合). */
    minPassedInspections: number;
  };
  black: {
    /** This many 不符合 inspections in the window put a business on the black board. */
    minFails: number;
    /** A dynamic grade in force of one of these (不予评级). */
    grades: readonly string[];
    /** A 不符合 inspection scored below this counts as a serious violation (one is enough). */
    seriousScoreBelow: number;
    /** This many 抽检不合格 batches in the window (read through the sampling hook; 0 switches it off). */
    minSamplingFailures: number;
  };
  /** 小作坊 (licence kind workshop) are listed in their own segment. */
  workshopsApart: boolean;
}

export const defaultHonourRules: HonourRules = {
  windowMonths: 12,
  red: { grades: ['excellent'], maxFails: 0, minPassedInspections: 2 },
  black: { minFails: 2, grades: ['none'], seriousScoreBelow: 60, minSamplingFailures: 1 },
  workshopsApart: true,
};

/** What the drafting query reads about one business of the station. */
export interface HonourFacts {
  businessId: number;
  /** The dynamic grade in force at the month's end (null: none yet). */
  grade: string | null;
  fails: number;
  seriousFails: number;
  /** Done inspections in the window, and how many of them were not 符合 (基本符合 or 不符合). */
  inspections?: number;
  notPassed?: number;
  samplingFailures: number;
}

export const gradeLabels: Record<string, string> = {
  excellent: '优秀',
  good: '良好',
  fair: '一般',
  none: '不予评级',
  A: 'A级',
  B: 'B级',
  C: 'C级',
};
/** The faces of the 2012 guidance: 优秀 大笑, 良好 微笑, 一般 平脸. */
export const gradeFaces: Record<string, string | null> = {
  excellent: 'laugh',
  good: 'smile',
  fair: 'plain',
  none: null,
};

/** The board a business goes on, with its reasons in Chinese; null when it is on neither. */
export function classify(f: HonourFacts, rules: HonourRules): { board: 'red' | 'black'; reasons: string[] } | null {
  const w = rules.windowMonths;
  const black: string[] = [];
  if (f.fails >= rules.black.minFails) black.push(`近${w}个月日常检查${f.fails}次不符合`);
  if (f.grade && rules.black.grades.includes(f.grade)) black.push(`动态等级为${gradeLabels[f.grade] ?? f.grade}`);
  if (f.seriousFails > 0)
    black.push(`近${w}个月有严重违法情形（检查不符合且得分低于${rules.black.seriousScoreBelow}分）`);
  if (rules.black.minSamplingFailures > 0 && f.samplingFailures >= rules.black.minSamplingFailures)
    black.push(`近${w}个月食品抽检不合格${f.samplingFailures}批次`);
  if (black.length) return { board: 'black', reasons: black };
  const redGrade = f.grade !== null && rules.red.grades.includes(f.grade);
  // Rules kept with older lists have no minPassedInspections: they drafted on grade and 不符合 alone.
  const minPassed = rules.red.minPassedInspections ?? 0;
  const allPassed = minPassed === 0 || ((f.inspections ?? 0) >= minPassed && (f.notPassed ?? 0) === 0);
  if (redGrade && f.fails <= rules.red.maxFails && f.samplingFailures === 0 && allPassed) {
    const noFail =
      minPassed > 0
        ? `，近${w}个月${f.inspections}次检查均为符合`
        : rules.red.maxFails === 0
          ? `，近${w}个月检查无不符合`
          : '';
    return { board: 'red', reasons: [`动态等级为${gradeLabels[f.grade!] ?? f.grade}${noFail}`] };
  }
  return null;
}

/** First and last day of the window ending with `month` (YYYY-MM-01). */
export function honourWindow(month: string, windowMonths: number): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0));
  const start = new Date(Date.UTC(y, m - windowMonths, 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

export const honourStatuses = ['draft', 'approved', 'published', 'withdrawn'] as const;
export type HonourStatus = (typeof honourStatuses)[number];
export const honourStatusLabels: Record<HonourStatus, string> = {
  draft: '待审核',
  approved: '已审核',
  published: '已发布',
  withdrawn: '已撤回',
};
export type HonourAction = 'draft' | 'removeEntry' | 'approve' | 'publish' | 'withdraw';

/** The 红黑榜 workflow: drafted by staff, entries removed (with a reason) and approved by the chief, then published. */
export const honourTransitions: Record<HonourAction, Transition<HonourStatus, 'reason'>> = {
  draft: { label: '生成红黑榜草稿', from: [null], to: 'draft', requires: [] },
  removeEntry: { label: '移出名单', from: ['draft'], to: null, requires: ['reason'] },
  approve: { label: '审核通过', from: ['draft'], to: 'approved', requires: [] },
  publish: { label: '发布', from: ['approved'], to: 'published', requires: [] },
  withdraw: { label: '撤回', from: ['draft', 'approved', 'published'], to: 'withdrawn', requires: ['reason'] },
};
