import type { TApproval } from '../../contracts/cases.ts';
import { caseTransitions, leadTransitions } from '../../domain/case-workflow.ts';
import type { ApprovalRow } from './repos/approvals.ts';

/** Rows → contracts for the case module. */
export const approvalStepLabels: Record<string, string> = {
  leadExtension: '线索核查延期审批',
  filing: '立案审批',
  extension: '延长办案期限审批',
  legalReview: '法制审核',
  collective: '集体讨论',
  decision: '处理决定审批',
  closing: '结案审批',
  instalment: '分期（延期）缴纳审批',
};

const actionLabel = (r: { caseId: number | null; action: string }) =>
  (r.caseId !== null
    ? caseTransitions[r.action as keyof typeof caseTransitions]
    : leadTransitions[r.action as keyof typeof leadTransitions]
  )?.label ?? r.action;

export const toApproval = <R extends ApprovalRow>(r: R): R & TApproval => ({
  ...r,
  stepLabel: approvalStepLabels[r.step] ?? r.step,
  actionLabel: actionLabel(r),
});
