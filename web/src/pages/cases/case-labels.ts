import dayjs from 'dayjs';
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
export const penaltyKinds = [
  'warning',
  'reprimand',
  'fine',
  'confiscate_gains',
  'confiscate_property',
  'suspend_licence',
  'revoke_licence',
  'lower_qualification',
  'restrict_operation',
  'suspend_business',
  'close_business',
  'restrict_practice',
] as const;
/** Penalty kinds with an amount. */
export const amountKinds = new Set(['fine', 'confiscate_gains', 'confiscate_property']);
export const discretionCodes = ['standard', 'lighter', 'mitigated', 'heavier', 'exempt'] as const;
export const notFileGrounds = [
  'minor_corrected',
  'first_offence',
  'no_fault',
  'limitation_expired',
  'no_jurisdiction',
] as const;
export const pauseReasons = ['testing', 'identification', 'public_notice'] as const;
export const evidenceKinds = ['inquiry', 'site_record', 'photo', 'file', 'sample', 'other'] as const;
export const decisionKinds = ['penalty', 'no_penalty', 'transfer'] as const;
export const serveMethods = ['on_site', 'direct', 'post', 'electronic', 'notice'] as const;

export const sourceOptions = (t: Translate) => options(t, 'cases.source', sourceCodes);
export const penaltyKindOptions = (t: Translate, only?: readonly string[]) =>
  options(t, 'cases.penalty', only ?? penaltyKinds);
export const discretionOptions = (t: Translate) => options(t, 'cases.discretion', discretionCodes);
export const groundOptions = (t: Translate) => options(t, 'cases.ground', notFileGrounds);
export const pauseReasonOptions = (t: Translate) => options(t, 'cases.pauseReason', pauseReasons);
export const evidenceKindOptions = (t: Translate) => options(t, 'cases.evidenceKind', evidenceKinds);
export const decisionKindOptions = (t: Translate) => options(t, 'cases.decisionKind', decisionKinds);
export const serveMethodOptions = (t: Translate) => options(t, 'cases.serveMethod', serveMethods);

/** The list's stages (tabs): each a set of statuses, in the order a case moves through them. */
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

export type DueState = 'overdue' | 'soon' | 'normal' | 'paused';

/** Working days (Mon–Fri) from today to `due`; the holiday calendar is the server's, this only colours the list. */
export function weekdaysUntil(due: string, today = dayjs()): number {
  let d = today.startOf('day');
  const end = dayjs(due).startOf('day');
  if (end.isBefore(d)) return -1;
  let n = 0;
  while (d.isBefore(end)) {
    d = d.add(1, 'day');
    if (d.day() !== 0 && d.day() !== 6) n++;
  }
  return n;
}

/** 核查期限: red past due, orange within 3 working days; a paused clock is neither. */
export function leadDueState(
  l: { verifyDueOn: string | null; paused: boolean; overdue?: boolean; status: string },
  today = dayjs(),
): DueState {
  if (l.status !== 'verifying' || !l.verifyDueOn) return 'normal';
  if (l.paused) return 'paused';
  if (l.overdue) return 'overdue';
  const days = weekdaysUntil(l.verifyDueOn, today);
  if (days < 0) return 'overdue';
  return days <= 3 ? 'soon' : 'normal';
}

/** 办案期限: red past due, orange within 10 days. */
export function caseDueState(
  c: { decisionDueOn: string | null; paused: boolean; overdue?: boolean; decidedOn?: string | null },
  today = dayjs(),
): DueState {
  if (!c.decisionDueOn || c.decidedOn) return 'normal';
  if (c.paused) return 'paused';
  if (c.overdue) return 'overdue';
  const days = dayjs(c.decisionDueOn).startOf('day').diff(today.startOf('day'), 'day');
  if (days < 0) return 'overdue';
  return days <= 10 ? 'soon' : 'normal';
}

export const dueTextType = (s: DueState): 'danger' | 'warning' | undefined =>
  s === 'overdue' ? 'danger' : s === 'soon' ? 'warning' : undefined;

/** 元 as typed (two decimals) to the API's integer fen. */
export const yuanToFen = (yuan: number | null | undefined): number =>
  yuan === null || yuan === undefined ? 0 : Math.round(yuan * 100);
export const formatFen = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
