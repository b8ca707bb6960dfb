import dayjs from 'dayjs';
import { penaltyKinds } from '../../../../src/domain/case-settings.ts';
import type { CaseStatus } from '../../../../src/domain/case-workflow.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';

/** Codes are the API's; names come from the messages (cases.*), so en-US reads. */
export const caseActionLabel = (t: Translate, action: string) => codeLabel(t, 'cases.action', action);
export const leadActionLabel = (t: Translate, action: string) => codeLabel(t, 'cases.leadAction', action);
export const sourceLabel = (t: Translate, source: string) => codeLabel(t, 'cases.source', source);
export const penaltyKindLabel = (t: Translate, kind: string) => codeLabel(t, 'cases.penalty', kind);
export const discretionLabel = (t: Translate, d: string) => codeLabel(t, 'cases.discretion', d);
export const approvalStepLabel = (t: Translate, step: string) => codeLabel(t, 'cases.approvalStep', step);
export const documentKindLabel = (t: Translate, kind: string) => codeLabel(t, 'cases.document', kind);
export const evidenceKindLabel = (t: Translate, kind: string) => codeLabel(t, 'cases.evidenceKind', kind);
export const groundLabel = (t: Translate, ground: string) => codeLabel(t, 'cases.ground', ground);
export const roleLabel = (t: Translate, role: string) => codeLabel(t, 'cases.role', role);
export const areaLabel = (t: Translate, area: string) => codeLabel(t, 'cases.area', area);
export const paymentKindLabel = (t: Translate, kind: string) => codeLabel(t, 'cases.paymentKind', kind);
export const decisionKindLabel = (t: Translate, kind: string) => codeLabel(t, 'cases.decisionKind', kind);

const options = (t: Translate, prefix: string, codes: readonly string[]) =>
  codes.map((value) => ({ value, label: codeLabel(t, prefix, value) }));

export const sourceCodes = [
  'complaint',
  'report',
  'inspection',
  'sampling',
  'transfer',
  'superior',
  'staff',
  'other',
] as const;
export { penaltyKinds };
/** Penalty kinds with an amount. */
export const amountKinds = new Set(['fine', 'confiscate_gains', 'confiscate_property']);
export const discretionCodes = ['standard', 'lighter', 'mitigated', 'heavier', 'exempt'] as const;
export const notFileGrounds = [
  'minor_corrected',
  'first_offence',
  'no_fault',
  'limitation_expired',
  'no_jurisdiction',
  'no_violation',
] as const;
export const leadPauseReasons = ['testing', 'identification'] as const;
export const pauseReasons = ['testing', 'identification', 'public_notice'] as const;
export const evidenceKinds = ['inquiry', 'site_record', 'photo', 'file', 'sample', 'other'] as const;
export const decisionKinds = ['penalty', 'no_penalty', 'transfer'] as const;
export const serveMethods = [
  'on_the_spot',
  'direct',
  'left_at_address',
  'post',
  'electronic',
  'public_notice',
] as const;

export const sourceOptions = (t: Translate) => options(t, 'cases.source', sourceCodes);
export const penaltyKindOptions = (t: Translate, only?: readonly string[]) =>
  options(t, 'cases.penalty', only ?? penaltyKinds);
export const discretionOptions = (t: Translate) => options(t, 'cases.discretion', discretionCodes);
export const groundOptions = (t: Translate) => options(t, 'cases.ground', notFileGrounds);
export const pauseReasonOptions = (t: Translate, lead = false) =>
  options(t, 'cases.pauseReason', lead ? leadPauseReasons : pauseReasons);
export const evidenceKindOptions = (t: Translate) => options(t, 'cases.evidenceKind', evidenceKinds);
export const decisionKindOptions = (t: Translate) => options(t, 'cases.decisionKind', decisionKinds);
export const paymentKindOptions = (t: Translate) =>
  options(t, 'cases.paymentKind', ['fine', 'late_fee', 'confiscation']);
export const serveMethodOptions = (t: Translate) => options(t, 'cases.serveMethod', serveMethods);

/** The list's stages (tabs): each a set of statuses (sent comma-separated), in the order a case moves on. */
export const caseStages = {
  filing: ['draft'],
  investigating: ['investigating', 'suspended'],
  review: ['investigated', 'reviewed', 'discussed'],
  notice: ['notified', 'hearing'],
  deciding: ['heard'],
  execution: ['decided', 'served', 'enforcement'],
  closed: ['closed', 'annulled'],
} as const satisfies Record<string, readonly CaseStatus[]>;
export type CaseStage = keyof typeof caseStages;
export const stageCodes = Object.keys(caseStages) as CaseStage[];
export const stageQuery = (stage: CaseStage) => caseStages[stage].join(',');

export type DueState = 'overdue' | 'soon' | 'normal' | 'paused';

interface Clock {
  dueOn: string;
  paused: boolean;
  overdue: boolean;
}

/** 核查期限 (the server counts working days with the holiday calendar): red past due, orange within 3. */
export function leadDueState(clock: (Clock & { workingDaysLeft: number }) | null, status: string): DueState {
  if (status !== 'verifying' || !clock) return 'normal';
  if (clock.paused) return 'paused';
  if (clock.overdue || clock.workingDaysLeft < 0) return 'overdue';
  return clock.workingDaysLeft <= 3 ? 'soon' : 'normal';
}

/** 办案期限: red past due, orange within 10 days; a paused clock is tagged instead. */
export function caseDueState(clock: (Clock & { daysLeft: number }) | null, decidedOn: string | null): DueState {
  if (!clock || decidedOn) return 'normal';
  if (clock.paused) return 'paused';
  if (clock.overdue || clock.daysLeft < 0) return 'overdue';
  return clock.daysLeft <= 10 ? 'soon' : 'normal';
}

/** 简易程序备案: red when past due and not recorded, orange within 2 days; recorded is normal. */
export function summaryFilingDueState(
  f: { filedOn: string | null; daysLeft: number; overdue: boolean } | null,
): DueState {
  if (!f || f.filedOn) return 'normal';
  if (f.overdue || f.daysLeft < 0) return 'overdue';
  return f.daysLeft <= 2 ? 'soon' : 'normal';
}

/** Days from today to a date (negative: past). */
export const daysUntil = (date: string, today = dayjs()) =>
  dayjs(date).startOf('day').diff(today.startOf('day'), 'day');

export const dueTextType = (s: DueState): 'danger' | 'warning' | undefined =>
  s === 'overdue' ? 'danger' : s === 'soon' ? 'warning' : undefined;

/** 元 as typed (two decimals) to the API's integer fen. */
export const yuanToFen = (yuan: number | null | undefined): number =>
  yuan === null || yuan === undefined ? 0 : Math.round(yuan * 100);
export const formatFen = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
