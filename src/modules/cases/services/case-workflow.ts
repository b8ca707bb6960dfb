import type { Db, Queryable } from '../../../db/client.ts';
import { legalReviewDueOn } from '../../../domain/case-clock.ts';
import { type CaseAction, caseStatusLabels, caseTransitions } from '../../../domain/case-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { calendarWithin } from '../../calendar/published.ts';
import { caseKind, caseReach } from '../access.ts';
import * as repo from '../repos/cases.ts';
import type { ApprovalEngine } from './approvals.ts';
import { type CaseActionHandler, caseActions, type StepContext } from './case-actions.ts';
import type { CaseWorkflowDeps } from './deps.ts';
import { summaryFilingAction } from './summary-filing.ts';

/**
 * The case transitions (src/domain/case-workflow.ts): POST /cases/:id/transitions asks for an action; one with an
 * `approval` step is requested from its role chain and applied by the approvals engine when the last approver
 * approves; the others apply at once. Every applied action writes the versioned case row, its case_steps row
 * and its audit row in one transaction.
 */
export function createCaseWorkflow(db: Db, deps: CaseWorkflowDeps & { approvals: ApprovalEngine }) {
  const handlers = new Map<CaseAction, CaseActionHandler>(
    Object.entries({ ...caseActions, summaryFile: summaryFilingAction }) as [CaseAction, CaseActionHandler][],
  );
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function context(
    tx: Queryable,
    actor: Actor,
    caseId: number,
    body: Record<string, unknown>,
    cal: WorkingDayCalendar,
  ) {
    const row = await repo.findCase(tx, caseId, actor.userId, true);
    if (!row) throw notFound('行政处罚案件');
    const ctx: StepContext = { tx, actor, row, body, today: today(), cal, settings: await deps.settings(tx), deps };
    return ctx;
  }

  /** The table's status and required fields (allowTransition), then the procedure the action is for: 409. */
  function allowCaseTransition(row: repo.CaseRow, action: CaseAction, fields: Record<string, unknown>) {
    allowTransition(caseTransitions, action, row.status, caseStatusLabels, fields);
    const t = caseTransitions[action];
    if (t.procedure && t.procedure !== row.procedure)
      throw new AppError('INVALID_STATE', `“${t.label}”只适用于${t.procedure === 'summary' ? '简易' : '普通'}程序案件`);
    return t;
  }

  function handlerOf(action: CaseAction): CaseActionHandler {
    const h = handlers.get(action);
    if (!h) throw new AppError('INVALID_STATE', `“${caseTransitions[action].label}”不通过本接口办理`);
    return h;
  }

  /** Applies `action` to the case inside `tx` (status already allowed by the caller or re-checked here). */
  async function applyWith(ctx: StepContext, action: CaseAction, extra: Record<string, unknown> = {}) {
    const { tx, actor, row } = ctx;
    const t = allowCaseTransition(row, action, ctx.body);
    const result = await handlerOf(action).apply(ctx);
    const to = t.to ?? row.status;
    const docKind = result.document === undefined ? t.document : result.document;
    let documentId: number | null = null;
    const set: Record<string, unknown> = { ...result.set };
    if (to !== row.status) set.status = to;
    if (docKind && deps.documents) {
      const doc = await deps.documents.issueDocument(tx, {
        kind: docKind,
        caseId: row.id,
        unitId: row.stationId,
        issuedOn: ctx.today,
        // The document service snapshots the case itself; the action adds what it was asked with.
        data: { ...ctx.body, ...result.data },
        createdBy: actor.userId,
      });
      documentId = doc.id;
      if (result.documentNoColumn) set[result.documentNoColumn] = doc.docNo;
    }
    await recordTransition(tx, actor, {
      change: () => repo.updateCase(tx, { id: row.id, version: row.version }, set),
      event: () =>
        repo.insertStep(tx, {
          caseId: row.id,
          action,
          from: row.status,
          to,
          actorId: actor.userId,
          note: result.note ?? null,
          documentId,
          data: { ...result.data, ...extra },
        }),
      audit: {
        action: `case.${action}`,
        targetType: 'case',
        targetId: row.id,
        detail: { from: row.status, to, ...extra },
      },
    });
    await result.after?.();
  }

  /**
   * The shared entry point (the payment and enforcement actions use it too): applies `action` to the case in the
   * caller's transaction, as `actor`. The calendar is loaded by the caller before its transaction.
   */
  async function applyCaseTransition(
    tx: Queryable,
    actor: Actor,
    caseId: number,
    action: CaseAction,
    body: Record<string, unknown>,
    cal: WorkingDayCalendar,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await applyWith(await context(tx, actor, caseId, body, cal), action, extra);
  }

  deps.approvals.registerApprovalCompletion('case', async (tx, actor, req) => {
    // Inside the approving transaction: the calendar is read through it (PGlite has one connection).
    const cal = await calendarWithin(tx);
    await applyCaseTransition(tx, actor, req.caseId as number, req.action as CaseAction, req.payload, cal, {
      requestId: req.requestId,
      requestedBy: req.requestedBy,
    });
  });

  return {
    applyCaseTransition,
    /** Adds (or replaces) the handler of an action, for the actions other services own. */
    registerCaseAction(action: CaseAction, handler: CaseActionHandler) {
      handlers.set(action, handler);
    },

    /** POST /cases/:id/transitions: checks, then requests the approval or applies the action at once. */
    async transition(
      actor: Actor,
      caseId: number,
      body: { action: CaseAction; version: number } & Record<string, unknown>,
    ) {
      const cal = await deps.calendar();
      const { action, version, ...fields } = body;
      await db.transaction(async (tx) => {
        const ctx = await context(tx, actor, caseId, fields, cal);
        assertWritable(actor, caseKind, ctx.row, caseReach);
        if (ctx.row.version !== version) throw staleVersion();
        const t = allowCaseTransition(ctx.row, action, fields);
        const handler = handlerOf(action);
        if (ctx.row.pendingAction && (t.approval || t.to !== null))
          throw conflict(
            `本案“${caseTransitions[ctx.row.pendingAction as CaseAction]?.label ?? ctx.row.pendingAction}”正在审批中`,
          );
        await handler.check?.(ctx);
        if (!t.approval) return applyWith(ctx, action);
        const chain = ctx.settings.approvalChains[t.approval] ?? [];
        const dueOn = t.approval === 'legalReview' ? legalReviewDueOn(cal, ctx.today) : null;
        await deps.approvals.requestApproval(tx, actor, {
          caseId,
          step: t.approval,
          action,
          payload: fields,
          chain,
          dueOn,
        });
      });
    },
  };
}

export type CaseWorkflow = ReturnType<typeof createCaseWorkflow>;
