import type { Transition } from './transition.ts';

/**
 * 信用监管 workflow: one transition table per subject (listing batches, listings, credit repair), each on the shared
 * Transition type. Every status change in the credit module is looked up here and written, with its credit_events
 * row and its audit row, in one transaction (platform/workflow.ts recordTransition).
 */
export type BatchStatus = 'proposed' | 'approved' | 'discarded';
export type ListingStatus = 'proposed' | 'listed' | 'discarded' | 'removed';
export type RepairStatus = 'applied' | 'reviewed' | 'approved' | 'rejected';
export type CreditSubject = 'batch' | 'listing' | 'repair';
/** Fields the caller must give (decision documents need a number, a reason and a date). */
export type CreditRequirement = 'decisionNo' | 'reason' | 'decidedOn' | 'opinion';

export interface CreditTransition<S extends string> extends Transition<S, CreditRequirement> {
  to: S;
  /** Whether the transition issues a decision document. */
  document: boolean;
}

export const batchStatusLabels: Record<BatchStatus, string> = {
  proposed: '拟列入',
  approved: '已决定列入',
  discarded: '不予列入',
};
export const listingStatusLabels: Record<ListingStatus, string> = {
  proposed: '拟列入',
  listed: '列入中',
  discarded: '不予列入',
  removed: '已移出',
};
export const repairStatusLabels: Record<RepairStatus, string> = {
  applied: '已申请',
  reviewed: '已审查',
  approved: '准予修复',
  rejected: '不予修复',
};

const decisionFields: readonly CreditRequirement[] = ['decisionNo', 'reason', 'decidedOn'];

export type BatchAction = 'propose' | 'approve' | 'discard';
export type ListingAction = 'propose' | 'list' | 'discard' | 'remove';
export type RepairAction = 'apply' | 'review' | 'approve' | 'reject';

export const batchTransitions: Readonly<Record<BatchAction, CreditTransition<BatchStatus>>> = {
  propose: { label: '拟列入', from: [null], to: 'proposed', requires: [], document: false },
  approve: {
    label: '审核通过，作出列入决定',
    from: ['proposed'],
    to: 'approved',
    requires: decisionFields,
    document: true,
  },
  discard: { label: '不予列入', from: ['proposed'], to: 'discarded', requires: ['reason'], document: false },
};

export const listingTransitions: Readonly<Record<ListingAction, CreditTransition<ListingStatus>>> = {
  propose: { label: '拟列入', from: [null], to: 'proposed', requires: [], document: false },
  list: { label: '列入', from: ['proposed'], to: 'listed', requires: [], document: false },
  discard: { label: '不予列入', from: ['proposed'], to: 'discarded', requires: [], document: false },
  remove: { label: '移出', from: ['listed'], to: 'removed', requires: decisionFields, document: true },
};

export const repairTransitions: Readonly<Record<RepairAction, CreditTransition<RepairStatus>>> = {
  apply: { label: '申请信用修复', from: [null], to: 'applied', requires: [], document: false },
  review: { label: '审查（核对修复条件）', from: ['applied'], to: 'reviewed', requires: ['opinion'], document: false },
  approve: { label: '准予信用修复', from: ['reviewed'], to: 'approved', requires: decisionFields, document: true },
  reject: { label: '不予信用修复', from: ['reviewed'], to: 'rejected', requires: decisionFields, document: true },
};

/** Each subject's table and status labels, for code that handles the three alike (the events, the actions). */
export const creditWorkflows = {
  batch: { transitions: batchTransitions, statusLabels: batchStatusLabels },
  listing: { transitions: listingTransitions, statusLabels: listingStatusLabels },
  repair: { transitions: repairTransitions, statusLabels: repairStatusLabels },
} as const;

/** The actions a subject in `status` offers (the UI shows them as buttons). */
export function actionsFrom(subject: CreditSubject, status: string): string[] {
  const table: Record<string, Transition> = creditWorkflows[subject].transitions;
  return Object.entries(table)
    .filter(([, t]) => (t.from as readonly (string | null)[]).includes(status))
    .map(([action]) => action);
}
