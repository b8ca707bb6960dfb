import type { z } from 'zod';
import {
  paymentKindLabels,
  type TExecution,
  type ZEnforcementBody,
  type ZInstalmentBody,
  type ZPaymentBody,
} from '../../../contracts/case-execution.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  type CloseCheck,
  closeCheck,
  type ExecutionFacts,
  executionSummary,
  type Instalment,
  type PaymentFact,
  paymentDueOn,
  paymentRefusal,
  planSchedule,
  yuan,
} from '../../../domain/case-execution.ts';
import { type CaseStatus, caseStatusLabels, caseTransitions } from '../../../domain/case-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';
import { conflict, validation } from '../../../platform/errors.ts';
import { allowTransition, staleVersion } from '../../../platform/workflow.ts';
import {
  type ExecCaseRow,
  findExecCase,
  insertPayment,
  listPayments,
  paidTotal,
  touchCase,
} from '../repos/execution.ts';
import { loadCaseSettings } from '../repos/settings-row.ts';
import type { ApprovalRequestRecord } from './approvals.ts';
import { type CaseExecDeps, readableCase, recordCaseStep, writableCase } from './exec-deps.ts';

/** The money facts of a case row; the due day is served_on + 15 days when the serve step did not store it. */
export function executionFacts(c: ExecCaseRow, cal?: WorkingDayCalendar): ExecutionFacts {
  return {
    decisionKind: c.decisionKind,
    status: c.status,
    fineDueFen: Number(c.fineDueFen),
    confiscationDueFen: Number(c.confiscatedFen),
    paymentDueOn: c.paymentDueOn ?? (c.servedOn && cal ? paymentDueOn(cal, c.servedOn) : null),
    plan: c.paymentPlan,
  };
}

/**
 * The close guard H2's `close` transition calls (and the approval of 结案 re-checks): a penalty case closes only
 * when the fine, the confiscated money and the late fees due `today` are paid, or it is in enforcement (申请强制
 * 执行), or the decision is 不予处罚 / 移送司法机关. `caseRow` is the cases row as loaded by repos/execution.ts
 * findExecCase (payment_due_on must be set for a served penalty case).
 */
export function closeGuard(
  caseRow: Pick<
    ExecCaseRow,
    'decisionKind' | 'status' | 'fineDueFen' | 'confiscatedFen' | 'paymentDueOn' | 'servedOn' | 'paymentPlan'
  >,
  payments: readonly PaymentFact[],
  today: string,
): CloseCheck {
  return closeCheck(executionFacts(caseRow as ExecCaseRow), payments, today);
}

/** closeGuard as a 422 naming the field, for the close path (inside its transaction). */
export async function assertClosable(tx: Queryable, caseRow: ExecCaseRow, today: string): Promise<void> {
  const check = closeGuard(caseRow, await listPayments(tx, caseRow.id), today);
  if (!check.ok) throw validation(check.field, check.message);
}

const toPayment = (p: Awaited<ReturnType<typeof listPayments>>[number]) => ({
  id: p.id,
  kind: p.kind,
  kindLabel: paymentKindLabels[p.kind],
  amountFen: Number(p.amountFen),
  paidOn: p.paidOn,
  receiptNo: p.receiptNo,
  recordedBy: p.recordedBy,
  createdAt: p.createdAt,
});

/**
 * 执行: payments (罚款, 加处罚款, 没收款), 分期/延期 through the approvals engine (step 'instalment'), 申请强制执行 when
 * the payment is overdue, and the close guard. The actions are the case table's recordPayment, approveInstalment and
 * applyEnforcement: checked against src/domain/case-workflow.ts, written with the case's version, a case_steps row
 * and an audit row in one transaction.
 */
export function createExecutionService(db: Db, deps: CaseExecDeps) {
  const label = (s: string) => caseStatusLabels[s as CaseStatus] ?? s;

  async function view(c: ExecCaseRow, cal: WorkingDayCalendar): Promise<TExecution> {
    const today = deps.today();
    const payments = await listPayments(db, c.id);
    const facts = executionFacts(c, cal);
    const s = executionSummary(facts, payments, today);
    const close = closeCheck(facts, payments, today);
    return {
      caseId: c.id,
      status: c.status,
      version: c.version,
      decisionKind: c.decisionKind,
      servedOn: c.servedOn,
      fineDueFen: s.fineDueFen,
      confiscationDueFen: s.confiscationDueFen,
      paidFen: s.paidFen,
      paidFineFen: s.paidFineFen,
      paidLateFeeFen: s.paidLateFeeFen,
      paidConfiscationFen: s.paidConfiscationFen,
      lateFeeFen: s.lateFeeFen,
      lateFeeOutstandingFen: s.lateFeeOutstandingFen,
      outstandingFen: s.outstandingFen,
      dueOn: s.dueOn,
      overdueDays: s.overdueDays,
      overdueFen: s.overdueFen,
      paymentOverdue: s.paymentOverdue,
      settled: s.settled,
      instalments: s.instalments,
      instalmentPending: c.pendingAction === 'approveInstalment',
      payments: payments.map(toPayment),
      enforcement: c.enforcementAppliedOn ? { appliedOn: c.enforcementAppliedOn, court: c.enforcementCourt } : null,
      closable: close.ok ? { ok: true, reason: close.reason } : { ok: false, reason: close.message },
    };
  }

  async function reload(actor: Actor, id: number, cal: WorkingDayCalendar) {
    return view(await readableCase(db, actor, id), cal);
  }

  return {
    async get(actor: Actor, id: number): Promise<TExecution> {
      const c = await readableCase(db, actor, id);
      return view(c, await deps.calendar());
    },

    /** 登记缴款: a payment of the fine, the late fee or the confiscated money, never more than is due. */
    async recordPayment(actor: Actor, id: number, body: z.infer<typeof ZPaymentBody>): Promise<TExecution> {
      const cal = await deps.calendar();
      const today = deps.today();
      await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, id);
        allowTransition(caseTransitions, 'recordPayment', c.status as CaseStatus, caseStatusLabels, body);
        const facts = executionFacts(c, cal);
        const payments = await listPayments(tx, id);
        const refusal = paymentRefusal(executionSummary(facts, payments, today), body, today);
        if (refusal) throw validation(refusal.field, refusal.message);
        if (c.servedOn && body.paidOn < c.servedOn) throw validation('paidOn', '缴款日期不能早于送达日期');
        const paymentId = await insertPayment(tx, {
          caseId: id,
          kind: body.kind,
          amountFen: body.amountFen,
          paidOn: body.paidOn,
          receiptNo: body.receiptNo ?? null,
          recordedBy: actor.userId,
        });
        const paid = (await paidTotal(tx, id)) as number;
        await recordCaseStep(tx, actor, c, {
          action: 'recordPayment',
          note: `${paymentKindLabels[body.kind]} ${yuan(body.amountFen)} 元`,
          data: {
            paymentId,
            kind: body.kind,
            amountFen: body.amountFen,
            paidOn: body.paidOn,
            receiptNo: body.receiptNo,
          },
          change: () =>
            touchCase(
              tx,
              { id, version: body.version },
              { paid_fen: paid, ...(c.paymentDueOn ? {} : { payment_due_on: facts.paymentDueOn }) },
            ),
        });
      });
      return reload(actor, id, cal);
    },

    /**
     * 分期/延期缴纳 (行政处罚法 Art. 66): checks the plan, then asks the 'instalment' role chain; the plan takes
     * effect when the last approver approves (onInstalmentApproved).
     */
    async requestInstalment(actor: Actor, id: number, body: z.infer<typeof ZInstalmentBody>): Promise<TExecution> {
      const cal = await deps.calendar();
      const today = deps.today();
      await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, id);
        allowTransition(caseTransitions, 'approveInstalment', c.status as CaseStatus, caseStatusLabels, body);
        if (c.pendingAction) throw conflict('该案件已有待审批事项，请待审批完成后再提交');
        if (c.version !== body.version) throw staleVersion();
        const checked = planSchedule(executionFacts(c, cal), await listPayments(tx, id), body.instalments, today);
        if ('field' in checked) throw validation(checked.field, checked.message);
        const settings = await loadCaseSettings(tx);
        await deps.approvals.requestApproval(tx, actor, {
          caseId: id,
          step: caseTransitions.approveInstalment.approval ?? 'instalment',
          action: 'approveInstalment',
          payload: { instalments: body.instalments, reason: body.reason, requestedOn: today },
          chain: settings.approvalChains.instalment,
        });
      });
      return reload(actor, id, cal);
    },

    /** Called by the case approval completion handler for action 'approveInstalment' (inside its transaction). */
    async onInstalmentApproved(tx: Queryable, actor: Actor, req: ApprovalRequestRecord): Promise<void> {
      const caseId = req.caseId as number;
      const cal = await deps.calendar();
      const c = (await findExecCase(tx, caseId, actor.userId, true))!;
      allowTransition(caseTransitions, 'approveInstalment', c.status as CaseStatus, caseStatusLabels, {
        reason: req.payload.reason,
      });
      const plan = req.payload.instalments as Instalment[];
      const asOf = (req.payload.requestedOn as string | undefined) ?? deps.today();
      const checked = planSchedule(executionFacts(c, cal), await listPayments(tx, caseId), plan, asOf);
      if ('field' in checked) throw validation(checked.field, `${checked.message}（请退回后重新申请）`);
      const last = checked.schedule.at(-1)!.dueOn;
      await recordCaseStep(tx, actor, c, {
        action: 'approveInstalment',
        note: String(req.payload.reason ?? ''),
        data: { requestId: req.requestId, schedule: checked.schedule, paymentDueOn: last },
        change: () =>
          touchCase(
            tx,
            { id: caseId, version: c.version },
            { payment_plan: JSON.stringify(checked.schedule), payment_due_on: last },
          ),
      });
    },

    /** 申请强制执行: only once the payment is overdue (422 before). */
    async applyEnforcement(actor: Actor, id: number, body: z.infer<typeof ZEnforcementBody>): Promise<TExecution> {
      const cal = await deps.calendar();
      const today = deps.today();
      const appliedOn = body.appliedOn ?? today;
      if (appliedOn > today) throw validation('appliedOn', '申请日期不能晚于今天');
      await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, id);
        const t = allowTransition(caseTransitions, 'applyEnforcement', c.status as CaseStatus, caseStatusLabels, body);
        const s = executionSummary(executionFacts(c, cal), await listPayments(tx, id), today);
        if (!s.paymentOverdue) {
          const why = s.settled ? '罚没款已缴清' : `缴款期限（${s.dueOn ?? '未确定'}）尚未届满`;
          throw validation('status', `${why}，不能申请强制执行（${label(c.status)}）`);
        }
        await recordCaseStep(tx, actor, c, {
          action: 'applyEnforcement',
          to: t.to ?? c.status,
          note: body.note,
          data: { appliedOn, court: body.court ?? null, outstandingFen: s.outstandingFen, overdueDays: s.overdueDays },
          change: () =>
            touchCase(
              tx,
              { id, version: body.version },
              { status: t.to, enforcement_applied_on: appliedOn, enforcement_court: body.court ?? null },
            ),
        });
      });
      return reload(actor, id, cal);
    },

    assertClosable,
  };
}

export type ExecutionService = ReturnType<typeof createExecutionService>;
