import type { ComplaintRuleSet } from './complaint-rules.ts';
import { checkTransition, type Transition } from './transition.ts';

export type ComplaintKind = 'complaint' | 'report' | 'inquiry';
export type ComplaintStatus =
  | 'received'
  | 'accepted'
  | 'rejected'
  | 'mediating'
  | 'mediationSucceeded'
  | 'mediationTerminated'
  | 'verifying'
  | 'caseOpened'
  | 'caseNotOpened'
  | 'answered'
  | 'transferred'
  | 'closed';

export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  received: '待受理',
  accepted: '已受理',
  rejected: '不予受理',
  mediating: '调解中',
  mediationSucceeded: '调解成功',
  mediationTerminated: '终止调解',
  verifying: '核查中',
  caseOpened: '已立案',
  caseNotOpened: '不予立案',
  answered: '已答复',
  transferred: '已移送',
  closed: '已办结',
};

/** The legal clocks an item can have running; each maps to a rule-set period. */
export type ClockStep = keyof ComplaintRuleSet['clocks'];

export type ComplaintAction =
  | 'accept'
  | 'reject'
  | 'startMediation'
  | 'mediationSucceeded'
  | 'terminateMediation'
  | 'startVerification'
  | 'extendVerification'
  | 'openCase'
  | 'declineCase'
  | 'answer'
  | 'transfer'
  | 'feedback';

/** What a request must carry for an action ('ground' is checked against the item's own rule set). */
export type ComplaintRequirement = 'ground' | 'reason' | 'recoveredFen' | 'authority' | 'feedbackText' | 'answerText';

/** The shared Transition, plus the item kinds an action applies to and the legal clocks it stops and starts. */
export interface ComplaintTransition extends Transition<ComplaintStatus, ComplaintRequirement> {
  kinds: readonly ComplaintKind[];
  /** Clocks this action stops (met) and starts (from the action's date). */
  completes: readonly ClockStep[];
  starts: readonly ClockStep[];
}

/** The one transition table of the 12315 workflow. */
export const complaintTransitions: Readonly<Record<ComplaintAction, ComplaintTransition>> = {
  accept: {
    label: '受理',
    kinds: ['complaint'],
    from: ['received'],
    to: 'accepted',
    requires: [],
    completes: ['acceptance'],
    starts: ['mediation'],
  },
  reject: {
    label: '不予受理',
    kinds: ['complaint'],
    from: ['received'],
    to: 'rejected',
    requires: ['ground'],
    completes: ['acceptance'],
    starts: [],
  },
  startMediation: {
    label: '组织调解',
    kinds: ['complaint'],
    from: ['accepted'],
    to: 'mediating',
    requires: [],
    completes: [],
    starts: [],
  },
  mediationSucceeded: {
    label: '调解成功',
    kinds: ['complaint'],
    from: ['mediating'],
    to: 'mediationSucceeded',
    requires: ['recoveredFen'],
    completes: ['mediation'],
    starts: [],
  },
  terminateMediation: {
    label: '终止调解',
    kinds: ['complaint'],
    from: ['accepted', 'mediating'],
    to: 'mediationTerminated',
    requires: ['ground'],
    completes: ['mediation'],
    starts: ['terminationNotice'],
  },
  startVerification: {
    label: '开始核查',
    kinds: ['report'],
    from: ['received'],
    to: 'verifying',
    requires: [],
    completes: [],
    starts: [],
  },
  extendVerification: {
    label: '延长核查期限',
    kinds: ['report'],
    from: ['received', 'verifying'],
    to: null,
    requires: ['reason'],
    completes: [],
    starts: [],
  },
  // The report becomes a case lead; 立案 itself comes later (lead verification, then the case's filing approval).
  // The reporter's 5-working-day notice clock starts at that 立案 (complaints/published.ts recordCaseFiled).
  openCase: {
    label: '立案（诉转案）',
    kinds: ['report'],
    from: ['received', 'verifying'],
    to: 'caseOpened',
    requires: [],
    completes: ['reportVerification'],
    starts: [],
  },
  declineCase: {
    label: '不予立案',
    kinds: ['report'],
    from: ['received', 'verifying'],
    to: 'caseNotOpened',
    requires: ['reason'],
    completes: ['reportVerification'],
    starts: ['reporterNotice'],
  },
  answer: {
    label: '答复咨询',
    kinds: ['inquiry'],
    from: ['received'],
    to: 'answered',
    requires: ['answerText'],
    completes: ['inquiryAnswer'],
    starts: [],
  },
  transfer: {
    label: '移送其他机关',
    kinds: ['complaint', 'report', 'inquiry'],
    from: ['received'],
    to: 'transferred',
    requires: ['authority', 'reason'],
    completes: ['acceptance', 'reportVerification', 'inquiryAnswer'],
    starts: [],
  },
  feedback: {
    label: '反馈办结',
    kinds: ['complaint', 'report', 'inquiry'],
    from: [
      'rejected',
      'mediationSucceeded',
      'mediationTerminated',
      'caseOpened',
      'caseNotOpened',
      'answered',
      'transferred',
    ],
    to: 'closed',
    requires: ['feedbackText'],
    completes: ['terminationNotice', 'reporterNotice'],
    starts: [],
  },
};

/** The clocks that start when an item is received, by kind. */
export const clocksAtIntake: Record<ComplaintKind, readonly ClockStep[]> = {
  complaint: ['acceptance'],
  report: ['reportVerification'],
  inquiry: ['inquiryAnswer'],
};

export type ComplaintTransitionCheck = { ok: true; transition: ComplaintTransition } | { ok: false; reason: string };

/** The shared check (status and action) after the one the 12315 table adds: whether the action fits the kind. */
export function checkComplaintTransition(
  kind: ComplaintKind,
  status: ComplaintStatus,
  action: ComplaintAction,
): ComplaintTransitionCheck {
  const t = complaintTransitions[action];
  if (t && !t.kinds.includes(kind)) return { ok: false, reason: `“${t.label}”不适用于此类事项` };
  const check = checkTransition(complaintTransitions, action, status, complaintStatusLabels);
  return check.ok ? { ok: true, transition: t } : check;
}

/** Open311 has two states; the Chinese status goes to status_notes. */
export const isClosedStatus = (s: ComplaintStatus) => s === 'closed';
