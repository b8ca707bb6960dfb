/**
 * 信用监管 workflow: the one transition table for listing batches, listings and credit repair. Every status change
 * in the credit module is looked up here, written with a credit_events row and an audit row in one transaction.
 */
export type CreditSubject = 'batch' | 'listing' | 'repair';

export interface CreditTransition {
  subject: CreditSubject;
  action: string;
  from: string | null;
  to: string;
  label: string;
  /** Fields the caller must give (decision documents need a number, a reason and a date). */
  requires: readonly ('decisionNo' | 'reason' | 'decidedOn' | 'opinion')[];
  /** Whether the transition issues a decision document. */
  document: boolean;
}

export const creditTransitions: readonly CreditTransition[] = [
  { subject: 'batch', action: 'propose', from: null, to: 'proposed', label: '拟列入', requires: [], document: false },
  {
    subject: 'batch',
    action: 'approve',
    from: 'proposed',
    to: 'approved',
    label: '审核通过，作出列入决定',
    requires: ['decisionNo', 'reason', 'decidedOn'],
    document: true,
  },
  {
    subject: 'batch',
    action: 'discard',
    from: 'proposed',
    to: 'discarded',
    label: '不予列入',
    requires: ['reason'],
    document: false,
  },
  { subject: 'listing', action: 'propose', from: null, to: 'proposed', label: '拟列入', requires: [], document: false },
  { subject: 'listing', action: 'list', from: 'proposed', to: 'listed', label: '列入', requires: [], document: false },
  {
    subject: 'listing',
    action: 'discard',
    from: 'proposed',
    to: 'discarded',
    label: '不予列入',
    requires: [],
    document: false,
  },
  {
    subject: 'listing',
    action: 'remove',
    from: 'listed',
    to: 'removed',
    label: '移出',
    requires: ['decisionNo', 'reason', 'decidedOn'],
    document: true,
  },
  {
    subject: 'repair',
    action: 'apply',
    from: null,
    to: 'applied',
    label: '申请信用修复',
    requires: [],
    document: false,
  },
  {
    subject: 'repair',
    action: 'review',
    from: 'applied',
    to: 'reviewed',
    label: '审查（核对修复条件）',
    requires: ['opinion'],
    document: false,
  },
  {
    subject: 'repair',
    action: 'approve',
    from: 'reviewed',
    to: 'approved',
    label: '准予信用修复',
    requires: ['decisionNo', 'reason', 'decidedOn'],
    document: true,
  },
  {
    subject: 'repair',
    action: 'reject',
    from: 'reviewed',
    to: 'rejected',
    label: '不予信用修复',
    requires: ['decisionNo', 'reason', 'decidedOn'],
    document: true,
  },
];

export type CreditCheck = { ok: true; transition: CreditTransition } | { ok: false; reason: string };

export function checkCreditTransition(subject: CreditSubject, from: string | null, action: string): CreditCheck {
  const t = creditTransitions.find((x) => x.subject === subject && x.action === action);
  if (!t) return { ok: false, reason: `未知操作：${action}` };
  if (t.from !== from) return { ok: false, reason: `当前状态（${from ?? '无'}）不能执行「${t.label}」` };
  return { ok: true, transition: t };
}

export function actionsFrom(subject: CreditSubject, status: string): string[] {
  return creditTransitions.filter((t) => t.subject === subject && t.from === status).map((t) => t.action);
}
