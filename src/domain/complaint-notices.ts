import type { ComplaintAction } from './complaint-workflow.ts';

/**
 * The printable 12315 notices (告知书) and the handling step that makes each available: a notice tells the person
 * a decision that was taken, so it exists once its step is on the item's timeline, and stays after it (an item
 * accepted and then closed still has its 受理告知书).
 */
export const complaintNoticeKinds = ['acceptance', 'rejection', 'termination'] as const;
export type ComplaintNoticeKind = (typeof complaintNoticeKinds)[number];

export const complaintNoticeSteps: Record<ComplaintNoticeKind, ComplaintAction> = {
  acceptance: 'accept',
  rejection: 'reject',
  termination: 'terminateMediation',
};

export const complaintNoticeTitles: Record<ComplaintNoticeKind, string> = {
  acceptance: '投诉受理告知书',
  rejection: '投诉不予受理告知书',
  termination: '终止调解告知书',
};

/** The notices an item has, from the actions on its timeline, in workflow order. */
export const availableNotices = (actions: readonly string[]): ComplaintNoticeKind[] =>
  complaintNoticeKinds.filter((k) => actions.includes(complaintNoticeSteps[k]));

export const complaintNoticeUrl = (id: number, kind: ComplaintNoticeKind) =>
  `/api/v1/complaints/${id}/notices/${kind}.pdf`;
