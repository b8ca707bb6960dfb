import {
  paymentKindLabels,
  type TExecution,
  type ZEnforcementBody,
  type ZInstalmentBody,
  type ZPaymentBody,
  ZPaymentKind,
} from '../../../contracts/case-execution.ts';
import type { z } from '../../../contracts/zod.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  type CloseCheck,
  closeCheck,
  type ExecutionFacts,
  executionSummary,
  type Instalment,
  type PaymentFact,
  type PaymentKind,
  paymentDueOn,
  paymentRefusal,
  planSchedule,
  yuan,
} from '../../../domain/case-execution.ts';
import { isIsoDate, type WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';
import { validation } from '../../../platform/errors.ts';
import { type ExecCaseRow, findExecCase, insertPayment, listPayments, paidTotal } from '../repos/execution.ts';
import { type CaseActionHandler, caseActions, type StepContext } from './case-actions.ts';
import { type CaseExecDeps, readableCase } from './exec-deps.ts';

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
 * The close guard (the `close` action checks it when 结案 is asked for and again when its approval completes): a
 * penalty case closes only when the fine, the confiscated money and the late fees due `today` are paid, or it is
 * in enforcement (申请强制执行), or the decision is 不予处罚 / 移送司法机关. `caseRow` is the row repos/execution.ts
 * findExecCase loads.
 */
export function closeGuard(
  caseRow: Pick<
    ExecCaseRow,
    'decisionKind' | 'status' | 'fineDueFen' | 'confiscatedFen' | 'paymentDueOn' | 'servedOn' | 'paymentPlan'
  >,
  payments: readonly PaymentFact[],
  today: string,
  cal?: WorkingDayCalendar,
): CloseCheck {
  return closeCheck(executionFacts(caseRow as ExecCaseRow, cal), payments, today);
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

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The locked case's money row and payments, inside the step's transaction. */
async function moneyOf(ctx: StepContext) {
  const c = (await findExecCase(ctx.tx, ctx.row.id, ctx.actor.userId))!;
  const payments = await listPayments(ctx.tx, ctx.row.id);
  const facts = executionFacts(c, ctx.cal);
  return { c, payments, facts, summary: executionSummary(facts, payments, ctx.today) };
}

/** A payment as the transition body carries it (the generic /transitions route passes it unparsed). */
function paymentOf(body: Record<string, unknown>) {
  const kind = ZPaymentKind.safeParse(body.kind ?? 'fine');
  if (!kind.success)
    throw validation('kind', '缴款类别应为 fine（罚款）、late_fee（加处罚款）或 confiscation（没收款）');
  const amountFen = Number(body.amountFen);
  const paidOn = String(body.paidOn);
  if (!isIsoDate(paidOn)) throw validation('paidOn', '缴款日期格式应为 YYYY-MM-DD');
  return { kind: kind.data as PaymentKind, amountFen, paidOn, receiptNo: str(body.receiptNo) };
}

function planOf(body: Record<string, unknown>): Instalment[] {
  const items = body.instalments;
  if (!Array.isArray(items)) throw validation('instalments', '请填写分期（延期）缴纳计划');
  return items.map((i, n) => {
    const dueOn = String((i as Instalment)?.dueOn);
    if (!isIsoDate(dueOn)) throw validation(`instalments.${n}.dueOn`, '日期格式应为 YYYY-MM-DD');
    return { dueOn, amountFen: Number((i as Instalment)?.amountFen) };
  });
}

/** The case actions this service owns, registered with the case workflow (checked, then applied in its tx). */
export const executionActions: Record<'recordPayment' | 'approveInstalment' | 'applyEnforcement', CaseActionHandler> = {
  recordPayment: {
    async check(ctx) {
      const p = paymentOf(ctx.body);
      const { c, summary } = await moneyOf(ctx);
      const refusal = paymentRefusal(summary, p, ctx.today);
      if (refusal) throw validation(refusal.field, refusal.message);
      if (c.servedOn && p.paidOn < c.servedOn) throw validation('paidOn', '缴款日期不能早于送达日期');
    },
    async apply(ctx) {
      await executionActions.recordPayment.check!(ctx);
      const p = paymentOf(ctx.body);
      const { c, facts } = await moneyOf(ctx);
      const paymentId = await insertPayment(ctx.tx, { caseId: c.id, ...p, recordedBy: ctx.actor.userId });
      const paid = await paidTotal(ctx.tx, c.id);
      return {
        set: { paid_fen: paid, ...(c.paymentDueOn ? {} : { payment_due_on: facts.paymentDueOn }) },
        note: `${paymentKindLabels[p.kind]} ${yuan(p.amountFen)} 元${p.receiptNo ? `（票据 ${p.receiptNo}）` : ''}`,
        data: { paymentId, ...p },
      };
    },
  },

  /**
   * 分期/延期 (行政处罚法 Art. 66): checked when asked (before the fine is overdue), applied when the 'instalment'
   * chain approves. The day it was asked is kept in the request's payload, so the approval checks the plan as of
   * that day (an approval that takes a few days does not make the request late).
   */
  approveInstalment: {
    async check(ctx) {
      const { payments, facts } = await moneyOf(ctx);
      const checked = planSchedule(facts, payments, planOf(ctx.body), ctx.today);
      if ('field' in checked) throw validation(checked.field, checked.message);
      ctx.body.requestedOn = ctx.today;
    },
    async apply(ctx) {
      const { payments, facts } = await moneyOf(ctx);
      const asOf = str(ctx.body.requestedOn) ?? ctx.today;
      const checked = planSchedule(facts, payments, planOf(ctx.body), asOf);
      if ('field' in checked) throw validation(checked.field, `${checked.message}（请退回后重新申请）`);
      const last = checked.schedule.at(-1)!.dueOn;
      return {
        set: { payment_plan: JSON.stringify(checked.schedule), payment_due_on: last },
        note: str(ctx.body.reason),
        data: { schedule: checked.schedule, paymentDueOn: last },
      };
    },
  },

  /** 申请强制执行: only once the payment is overdue (422 before). */
  applyEnforcement: {
    async check(ctx) {
      const { summary } = await moneyOf(ctx);
      if (!summary.paymentOverdue) {
        const why = summary.settled ? '罚没款已缴清' : `缴款期限（${summary.dueOn ?? '未确定'}）尚未届满`;
        throw validation('status', `${why}，不能申请强制执行`);
      }
      const appliedOn = str(ctx.body.appliedOn) ?? ctx.today;
      if (!isIsoDate(appliedOn) || appliedOn > ctx.today) throw validation('appliedOn', '申请日期无效或晚于今天');
    },
    async apply(ctx) {
      await executionActions.applyEnforcement.check!(ctx);
      const { summary } = await moneyOf(ctx);
      const appliedOn = str(ctx.body.appliedOn) ?? ctx.today;
      const court = str(ctx.body.court);
      return {
        set: { enforcement_applied_on: appliedOn, enforcement_court: court },
        note: str(ctx.body.note),
        data: { appliedOn, court, outstandingFen: summary.outstandingFen, overdueDays: summary.overdueDays },
      };
    },
  },
};

/** `close` with the guard in front, asked for and applied alike; `serve` storing the due day with the holiday rule. */
function guardedActions(): Partial<Record<'close' | 'serve', CaseActionHandler>> {
  const close = caseActions.close;
  const serve = caseActions.serve;
  const guard = async (ctx: StepContext) => {
    const { c, payments } = await moneyOf(ctx);
    const check = closeGuard(c, payments, ctx.today, ctx.cal);
    if (!check.ok) throw validation(check.field, check.message);
  };
  return {
    ...(close && {
      close: {
        async check(ctx) {
          await guard(ctx);
          await close.check?.(ctx);
        },
        async apply(ctx) {
          await guard(ctx);
          return close.apply(ctx);
        },
      },
    }),
    ...(serve && {
      serve: {
        check: serve.check,
        async apply(ctx) {
          const result = await serve.apply(ctx);
          // 15 days from service; a last day that is not a working day moves to the next working day.
          if (result.set?.payment_due_on) {
            result.set.payment_due_on = paymentDueOn(ctx.cal, String(ctx.body.servedOn));
          }
          return result;
        },
      },
    }),
  };
}

/**
 * 执行: payments (罚款, 加处罚款, 没收款), 分期/延期 through the approvals engine (step 'instalment'), 申请强制执行 when
 * the payment is overdue, and the close guard. These are the case table's recordPayment, approveInstalment and
 * applyEnforcement, applied by the case workflow (services/case-workflow.ts): status checked against
 * src/domain/case-workflow.ts, the case's version, a case_steps row and an audit row in one transaction. The
 * routes here are the same actions with typed bodies; POST /cases/:id/transitions reaches the same handlers.
 */
export function createExecutionService(db: Db, deps: CaseExecDeps) {
  for (const [action, handler] of Object.entries({ ...executionActions, ...guardedActions() })) {
    deps.workflow.registerCaseAction(action as keyof typeof executionActions, handler);
  }

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

  async function get(actor: Actor, id: number): Promise<TExecution> {
    const c = await readableCase(db, actor, id);
    return view(c, await deps.calendar());
  }

  return {
    get,

    /** 登记缴款: a payment of the fine, the late fee or the confiscated money, never more than is due. */
    async recordPayment(actor: Actor, id: number, body: z.infer<typeof ZPaymentBody>): Promise<TExecution> {
      await deps.workflow.transition(actor, id, { action: 'recordPayment', ...body });
      return get(actor, id);
    },

    /** 分期/延期缴纳: checks the plan, then asks the 'instalment' role chain. */
    async requestInstalment(actor: Actor, id: number, body: z.infer<typeof ZInstalmentBody>): Promise<TExecution> {
      await deps.workflow.transition(actor, id, { action: 'approveInstalment', ...body });
      return get(actor, id);
    },

    async applyEnforcement(actor: Actor, id: number, body: z.infer<typeof ZEnforcementBody>): Promise<TExecution> {
      await deps.workflow.transition(actor, id, { action: 'applyEnforcement', ...body });
      return get(actor, id);
    },

    /** closeGuard for a case id inside a transaction (other services' close paths). */
    async closeCheckOf(tx: Queryable, caseId: number, actorId: number, today: string): Promise<CloseCheck> {
      const c = await findExecCase(tx, caseId, actorId);
      if (!c) throw validation('caseId', '案件不存在');
      return closeGuard(c, await listPayments(tx, caseId), today, await deps.calendar());
    },
  };
}

export type ExecutionService = ReturnType<typeof createExecutionService>;
