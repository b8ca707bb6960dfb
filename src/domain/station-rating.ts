import type { Transition } from './transition.ts';

/**
 * 市场监管所“两化”等级评定 (seed 004: “五星引领、四星带动、三星连片”): a station scores itself against the checklist of
 * the 六有 standards, submits, and the district reviews; the approved total gives the year's star level.
 */
export type RatingStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type RatingAction = 'create' | 'submit' | 'return' | 'approve';
export type RatingRequirement = 'opinion';

export const ratingStatusLabels: Record<RatingStatus, string> = {
  draft: '填报中',
  submitted: '待审核',
  returned: '已退回',
  approved: '已评定',
};

export const ratingTransitions: Readonly<Record<RatingAction, Transition<RatingStatus, RatingRequirement>>> = {
  create: { label: '开始评定', from: [null], to: 'draft', requires: [] },
  submit: { label: '提交区局审核', from: ['draft', 'returned'], to: 'submitted', requires: [] },
  return: { label: '退回修改', from: ['submitted'], to: 'returned', requires: ['opinion'] },
  approve: { label: '审核通过，评定星级', from: ['submitted'], to: 'approved', requires: [] },
};

/** Who takes an action: the station (rating:write) or the district (rating:review). */
export const reviewActions: ReadonlySet<RatingAction> = new Set(['return', 'approve']);

/** Statuses in which the station may still change scores and evidence. */
export const editableStatuses: ReadonlySet<RatingStatus> = new Set(['draft', 'returned']);

export interface ChecklistItem {
  code: string;
  name: string;
  maxPoints: number;
  guidance?: string;
}
export interface ChecklistStandard {
  code: string;
  name: string;
  items: ChecklistItem[];
}
export interface StarBand {
  stars: number;
  minScore: number;
}

export const checklistItems = (standards: readonly ChecklistStandard[]): ChecklistItem[] =>
  standards.flatMap((s) => s.items);

export const checklistMaxScore = (standards: readonly ChecklistStandard[]): number =>
  checklistItems(standards).reduce((n, i) => n + i.maxPoints, 0);

/** The highest star level whose lowest total the score reaches; 0 below every band (未达星级). */
export function starsFor(total: number, bands: readonly StarBand[]): number {
  return bands.filter((b) => total >= b.minScore).reduce((best, b) => Math.max(best, b.stars), 0);
}

/** Each standard's points out of its maximum, for the comparison chart. */
export function standardTotals(
  standards: readonly ChecklistStandard[],
  scores: ReadonlyMap<string, number>,
): { code: string; name: string; score: number; maxPoints: number }[] {
  return standards.map((s) => ({
    code: s.code,
    name: s.name,
    score: s.items.reduce((n, i) => n + (scores.get(i.code) ?? 0), 0),
    maxPoints: s.items.reduce((n, i) => n + i.maxPoints, 0),
  }));
}

/** The actions a rating in `status` offers the caller (the page shows them as buttons). */
export function ratingActions(status: RatingStatus, can: { write: boolean; review: boolean }): RatingAction[] {
  return (Object.keys(ratingTransitions) as RatingAction[]).filter(
    (a) =>
      a !== 'create' && ratingTransitions[a].from.includes(status) && (reviewActions.has(a) ? can.review : can.write),
  );
}
