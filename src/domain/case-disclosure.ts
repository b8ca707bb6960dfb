import type { CaseSettings } from './case-settings.ts';
import { neverEarlyRemovalKinds, penaltyKindLabels } from './case-settings.ts';
import type { Transition } from './transition.ts';
import { addWorkingDays, type WorkingDayCalendar } from './working-days.ts';

/**
 * 行政处罚信息公示 (SAMR Order 45, 《市场监督管理行政处罚信息公示规定》): which decisions are published, by when,
 * for how long, when they may be taken down early and how fast a changed decision is withdrawn. Pure: the
 * working-day calendar and the settings come in.
 */

/** Art. 6/8: published within 20 working days of the decision. */
export const DISCLOSURE_WORKING_DAYS = 20;
/** Art. 12: a changed, revoked or annulled decision is withdrawn within 3 working days. */
export const WITHDRAWAL_WORKING_DAYS = 3;
/** Art. 14: shown 3 years; 3 months when only 通报批评 or a low fine. */
export const DISPLAY_MONTHS = 36;
export const SHORT_DISPLAY_MONTHS = 3;
/** Art. 16: a 3-year publication may stop early after 6 months, 1 year in these violation areas. */
export const EARLY_REMOVAL_MONTHS = 6;
export const EARLY_REMOVAL_MONTHS_STRICT = 12;
export const strictRemovalAreas = ['food', 'drug', 'special_equipment'] as const;

export interface DecisionPenalty {
  kind: string;
  amountFen: number;
}

export interface DisclosedDecision {
  decidedOn: string;
  procedure: 'general' | 'summary';
  /** cases.decision_kind: only a penalty decision is published (不予处罚 and 移送 are not). */
  decisionKind: 'penalty' | 'no_penalty' | 'transfer' | null;
  penalties: readonly DecisionPenalty[];
  /** case_violation_types.area of the violations. */
  violationAreas: readonly string[];
}

/** Adds calendar months; a day the target month lacks becomes its last day (1-31 + 1 month → 2-28/29). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(0);
  date.setUTCFullYear(year, month, Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

/** Art. 6: general procedure, a penalty, and not a warning alone. */
export function isPublished(d: DisclosedDecision): boolean {
  if (d.procedure !== 'general' || d.decisionKind !== 'penalty') return false;
  return d.penalties.some((p) => p.kind !== 'warning');
}

/** Art. 14: only 通报批评 and/or a fine at or below the threshold (a warning beside them is lighter still). */
export function isShortDisplay(
  penalties: readonly DecisionPenalty[],
  settings: Pick<CaseSettings, 'disclosureLowFineFen'>,
) {
  const light = new Set(['warning', 'reprimand', 'fine']);
  if (!penalties.every((p) => light.has(p.kind))) return false;
  const fines = penalties.filter((p) => p.kind === 'fine');
  const fineFen = fines.reduce((s, p) => s + p.amountFen, 0);
  const reprimand = penalties.some((p) => p.kind === 'reprimand');
  if (fines.length === 0) return reprimand;
  return fineFen <= settings.disclosureLowFineFen;
}

/** Never taken down early: 责令停产停业, 限制开展生产经营活动, 限制从业, 吊销许可证件 (Art. 16). */
export const isRemovable = (penalties: readonly DecisionPenalty[]) =>
  !penalties.some((p) => (neverEarlyRemovalKinds as readonly string[]).includes(p.kind));

export const isStrictArea = (areas: readonly string[]) =>
  areas.some((a) => (strictRemovalAreas as readonly string[]).includes(a));

export interface DisclosurePlan {
  published: boolean;
  dueOn: string;
  removable: boolean;
  shortDisplay: boolean;
}

/** What a decision means for its disclosure, on the day it is made. */
export function planDisclosure(cal: WorkingDayCalendar, d: DisclosedDecision, settings: CaseSettings): DisclosurePlan {
  return {
    published: isPublished(d),
    dueOn: addWorkingDays(cal, d.decidedOn, DISCLOSURE_WORKING_DAYS).date,
    removable: isRemovable(d.penalties),
    shortDisplay: isShortDisplay(d.penalties, settings),
  };
}

/** The dates a publication on `publishedOn` carries. */
export function publicationDates(
  publishedOn: string,
  d: Pick<DisclosedDecision, 'penalties' | 'violationAreas'>,
  settings: CaseSettings,
): { displayUntil: string; earliestRemovalOn: string } {
  const short = isShortDisplay(d.penalties, settings);
  return {
    displayUntil: addMonths(publishedOn, short ? SHORT_DISPLAY_MONTHS : DISPLAY_MONTHS),
    earliestRemovalOn: addMonths(
      publishedOn,
      isStrictArea(d.violationAreas) ? EARLY_REMOVAL_MONTHS_STRICT : EARLY_REMOVAL_MONTHS,
    ),
  };
}

/** Withdrawal deadline of a changed/annulled decision's publication. */
export const withdrawalDueOn = (cal: WorkingDayCalendar, changedOn: string) =>
  addWorkingDays(cal, changedOn, WITHDRAWAL_WORKING_DAYS).date;

/**
 * Why an early removal (提前停止公示, on the party's application) is refused today, or null when it may go ahead.
 * The caller adds what only the credit module knows (whether the entity is on a list).
 */
export function earlyRemovalRefusal(
  d: { removable: boolean; earliestRemovalOn: string | null; displayUntil: string | null },
  today: string,
  shortDisplay: boolean,
): string | null {
  if (!d.removable) return '受到责令停产停业、限制开展生产经营活动、限制从业或吊销许可证件处罚的，不得提前停止公示';
  if (shortDisplay) return '公示期为三个月的处罚信息期满自动停止公示，不适用提前停止公示';
  if (!d.earliestRemovalOn || !d.displayUntil) return '尚未公示';
  if (today < d.earliestRemovalOn) return `最短公示期未满，最早可于 ${d.earliestRemovalOn} 起申请提前停止公示`;
  return null;
}

/** 张三 → 张*, 欧阳明明 → 欧***: an individual's name on the portal keeps only the surname character. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Fen as yuan with two decimals and thousands separators: 500000 → "5,000.00". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** 处罚内容 in words: "警告；罚款人民币5,000.00元；没收违法所得人民币1,200.00元". */
export function penaltyContent(penalties: readonly DecisionPenalty[]): string {
  return penalties
    .map((p) => {
      const label = penaltyKindLabels[p.kind] ?? p.kind;
      return p.amountFen > 0 ? `${label}人民币${yuan(p.amountFen)}元` : label;
    })
    .join('；');
}

/** Penalty kinds SAMR Order 44 counts as heavy (较重行政处罚) besides a fine decided 从重. */
export const heavyPenaltyKinds = [
  'revoke_licence',
  'suspend_business',
  'close_business',
  'restrict_practice',
  'restrict_operation',
  'lower_qualification',
] as const;

/**
 * 严重违法失信名单 (SAMR Order 44 Arts. 2–9): a heavy penalty — a kind above, or any penalty decided 从重 — for a
 * violation in one of the configured areas (food, drugs, special equipment by default) proposes the entity.
 */
export function isSeriousListCandidate(
  d: Pick<DisclosedDecision, 'procedure' | 'decisionKind' | 'violationAreas'> & {
    penalties: readonly (DecisionPenalty & { discretion?: string })[];
  },
  settings: Pick<CaseSettings, 'seriousListAreas'>,
): boolean {
  if (d.procedure !== 'general' || d.decisionKind !== 'penalty') return false;
  const heavy = d.penalties.some(
    (p) => p.discretion === 'heavier' || (heavyPenaltyKinds as readonly string[]).includes(p.kind),
  );
  return heavy && d.violationAreas.some((a) => settings.seriousListAreas.includes(a));
}

// ---- the disclosure's own workflow (status of case_disclosures)

export type DisclosureStatus = 'pending' | 'published' | 'withdrawn' | 'removed' | 'expired';
export type DisclosureAction = 'publish' | 'withdraw' | 'remove' | 'expire' | 'escalate';
export type DisclosureRequirement = 'reason';

export const disclosureStatusLabels: Record<DisclosureStatus, string> = {
  pending: '待公示',
  published: '公示中',
  withdrawn: '已撤下',
  removed: '已提前停止公示',
  expired: '公示期满',
};

export const disclosureTransitions: Readonly<
  Record<DisclosureAction, Transition<DisclosureStatus, DisclosureRequirement>>
> = {
  publish: { label: '公示', from: ['pending'], to: 'published', requires: [] },
  // A pending one is cancelled the same way (its decision changed before publication).
  withdraw: { label: '撤下公示', from: ['pending', 'published'], to: 'withdrawn', requires: ['reason'] },
  remove: { label: '提前停止公示', from: ['published'], to: 'removed', requires: ['reason'] },
  expire: { label: '公示期满停止公示', from: ['published'], to: 'expired', requires: [] },
  escalate: { label: '超期未公示督办', from: ['pending'], to: null, requires: [] },
};
