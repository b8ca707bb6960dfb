import type { z } from 'zod';
import type { TCaseDetail, TSummaryFilingCounts, ZCaseQuery } from '../../../contracts/cases.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { summaryFilingState } from '../../../domain/case-clock.ts';
import { type CaseAction, caseActionsFrom, caseStatusLabels, caseTransitions } from '../../../domain/case-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertReadable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { caseKind, caseReach } from '../access.ts';
import * as approvalsRepo from '../repos/approvals.ts';
import * as list from '../repos/case-list.ts';
import * as repo from '../repos/cases.ts';
import { pausesOfCase } from '../repos/pauses.ts';
import { toApproval, toCaseListItem, toPenalty, toStep } from '../view.ts';
import { createCaseExport } from './case-export.ts';
import { caseListFilter } from './case-filter.ts';
import { decisionClockOf } from './clock.ts';

/** 案件: the list by stage with the decision clock for colour, and the detail with its timeline. */
export function createCaseQueries(db: Db, opts: { now?: () => Date } = {}) {
  const today = () => shanghaiToday(opts.now?.() ?? new Date());
  return {
    ...createCaseExport(db, today),
    async list(actor: Actor, q: z.infer<typeof ZCaseQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const day = today();
      const rows = await list.listCases(
        db,
        readable(actor, caseKind),
        { ...caseListFilter(actor, q, day), beforeId },
        q.limit + 1,
      );
      return keysetPage(
        rows.map((r) => toCaseListItem(r, day)),
        q.limit,
        (r) => [r.id],
      );
    },

    /** 简易程序备案 outstanding within the caller's reach (the case list's scope). */
    async summaryFilingCounts(actor: Actor): Promise<TSummaryFilingCounts> {
      const day = today();
      return { ...(await list.summaryFilingCounts(db, readable(actor, caseKind), day)), asOf: day };
    },

    async detail(actor: Actor, id: number): Promise<TCaseDetail> {
      const row = assertReadable(actor, caseKind, await repo.findCase(db, id, actor.userId), caseReach);
      const day = today();
      const [officers, violations, penalties, steps, approvals, pauses, clock] = await Promise.all([
        list.officersOf(db, id),
        list.violationsOf(db, id),
        repo.penaltiesOf(db, id),
        list.stepsOf(db, id),
        approvalsRepo.approvalsOfCase(db, id),
        pausesOfCase(db, id),
        decisionClockOf(db, row, day),
      ]);
      const open = approvals.filter((a) => a.outcome === null);
      const waiting = open.find((a) => open.every((b) => b.requestId !== a.requestId || b.seq >= a.seq));
      const pendingApproval = waiting
        ? { requestId: waiting.requestId, action: waiting.action, step: waiting.step, waitingFor: waiting.roleCode }
        : null;
      const legalReview = approvals.filter((a) => a.step === 'legalReview').at(-1);
      const allowed = caseActionsFrom(row.status, row.procedure).filter(
        (a) =>
          a !== 'summaryDecide' &&
          (a !== 'summaryFile' || row.summaryFiledOn === null) &&
          (!row.pendingAction || (!caseTransitions[a].approval && caseTransitions[a].to === null)),
      );
      const { isOfficer: _, createdBy: __, decisionDueOn: ___, summaryFilingDueOn, summaryFiledOn, ...rest } = row;
      return {
        ...rest,
        summaryFiling: summaryFilingState(summaryFilingDueOn, summaryFiledOn, day),
        statusLabel: caseStatusLabels[row.status] ?? row.status,
        clock: clock
          ? { dueOn: clock.dueOn, daysLeft: clock.daysLeft, paused: clock.paused, overdue: clock.overdue }
          : null,
        officers,
        violations,
        penalties: penalties.map(toPenalty),
        steps: steps.map(toStep),
        approvals: approvals.map(toApproval),
        pauses,
        clocks: {
          decision: clock
            ? { dueOn: clock.dueOn, daysLeft: clock.daysLeft, paused: clock.paused, overdue: clock.overdue }
            : null,
          statementDueOn: row.statementDueOn,
          legalReviewDueOn: legalReview?.outcome === null ? legalReview.dueOn : null,
          paymentDueOn: row.paymentDueOn,
          limitationExpiresOn: row.limitationExpiresOn,
        },
        allowedActions: allowed as CaseAction[],
        pendingApproval,
      };
    },
  };
}

export type CaseQueries = ReturnType<typeof createCaseQueries>;
