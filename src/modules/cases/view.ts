import type { TApproval, TCaseListItem } from '../../contracts/cases.ts';
import { clockFromStored, clockRuns, summaryFilingState } from '../../domain/case-clock.ts';
import { penaltyKindLabels } from '../../domain/case-settings.ts';
import {
  type CaseAction,
  type CaseStatus,
  caseStatusLabels,
  caseTransitions,
  leadTransitions,
} from '../../domain/case-workflow.ts';
import type { ApprovalRow } from './repos/approvals.ts';
import type { CaseListRow } from './repos/case-list.ts';
import type { PenaltyRow } from './repos/cases.ts';

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

export const toCaseListItem = (r: CaseListRow, today: string): TCaseListItem => {
  const { decisionDueOn, pausedSince, summaryFilingDueOn, summaryFiledOn, ...rest } = r;
  const c = decisionDueOn && clockRuns(r.status) ? clockFromStored(decisionDueOn, pausedSince, today) : null;
  return {
    ...rest,
    statusLabel: caseStatusLabels[r.status as CaseStatus] ?? r.status,
    clock: c ? { dueOn: c.dueOn, daysLeft: c.daysLeft, paused: c.paused, overdue: c.overdue } : null,
    summaryFiling: summaryFilingState(summaryFilingDueOn, summaryFiledOn, today),
  };
};

export const toPenalty = (p: PenaltyRow) => ({
  id: p.id,
  kind: p.kind,
  kindLabel: penaltyKindLabels[p.kind] ?? p.kind,
  amountFen: p.amountFen,
  discretion: p.discretion,
  discretionBasis: p.discretionBasis,
});

export const toStep = <S extends { action: string }>(s: S) => ({
  ...s,
  actionLabel: caseTransitions[s.action as CaseAction]?.label ?? s.action,
});
