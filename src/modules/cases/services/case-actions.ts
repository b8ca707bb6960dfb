import type { Queryable } from '../../../db/client.ts';
import {
  addDays,
  DEFAULT_COLLECTIVE_EXTENSION_DAYS,
  FIRST_EXTENSION_DAYS,
  hearingNoticeInTime,
  paymentDueOn,
  servedLate,
  statementDueOn,
  storedDecisionDueOn,
} from '../../../domain/case-clock.ts';
import { type CaseSettings, hearingPenaltyKinds } from '../../../domain/case-settings.ts';
import type { CaseAction, CaseDocumentKind } from '../../../domain/case-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';
import { validation } from '../../../platform/errors.ts';
import * as repo from '../repos/cases.ts';
import * as pauses from '../repos/pauses.ts';
import { decisionClockOf } from './clock.ts';
import type { CaseWorkflowDeps } from './deps.ts';

/** What one case action sees: the locked case row, the request body, today, the calendar and the settings. */
/** 422 when the decision clock has run out without an approved extension. */
async function assertDecisionClockRunning(ctx: StepContext): Promise<void> {
  const clock = await decisionClockOf(ctx.tx, ctx.row, ctx.today);
  if (clock?.overdue) throw validation('deadline', `办案期限已于 ${clock.dueOn} 届满，须经批准延长后方可作出决定`);
}

export interface StepContext {
  tx: Queryable;
  actor: Actor;
  row: repo.CaseRow;
  body: Record<string, unknown>;
  today: string;
  cal: WorkingDayCalendar;
  settings: CaseSettings;
  deps: CaseWorkflowDeps;
}

/** What an action changes besides the status: columns, the step's note and data, the document it issues. */
export interface StepResult {
  set?: Record<string, unknown>;
  note?: string | null;
  data?: Record<string, unknown>;
  /** The number of the issued document is written to this column (case_no for 立案, decision_no for 决定). */
  documentNoColumn?: 'case_no' | 'decision_no';
  /** Overrides the transition's document (e.g. none for a decision not to penalise). */
  document?: CaseDocumentKind | null;
  /** Hooks after the case row and the step are written (same transaction). */
  after?: () => Promise<void>;
}

export interface CaseActionHandler {
  /** Checked when the action is asked for (before an approval is requested, or before it applies at once). */
  check?(ctx: StepContext): Promise<void>;
  apply(ctx: StepContext): Promise<StepResult>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);
type Penalty = { kind: string; amountFen: number; discretion: string; discretionBasis?: string | null };
const sumOf = (ps: readonly Penalty[], kinds: readonly string[]) =>
  ps.filter((p) => kinds.includes(p.kind)).reduce((n, p) => n + p.amountFen, 0);

/** Re-stores the decision due date after the clock's inputs changed (pause ended, extension added). */
async function dueAfter(ctx: StepContext, extraDays: number): Promise<string | null> {
  if (!ctx.row.filedOn) return null;
  return storedDecisionDueOn(ctx.row.filedOn, extraDays, await pauses.pausesOfCase(ctx.tx, ctx.row.id));
}

async function startPause(ctx: StepContext, reason: string, note: string | null) {
  const existing = (await pauses.pausesOfCase(ctx.tx, ctx.row.id)).find((p) => p.endedOn === null);
  if (existing) throw validation('pauseReason', '办案期限已在中止计算中，请先恢复计算');
  await pauses.openPause(ctx.tx, ctx.row.id, { reason, note, on: ctx.today, by: ctx.actor.userId });
}

async function endPause(ctx: StepContext, reasons: readonly string[]): Promise<Record<string, unknown>> {
  const open = (await pauses.pausesOfCase(ctx.tx, ctx.row.id)).find((p) => p.endedOn === null);
  if (!open || !reasons.includes(open.reason)) return {};
  await pauses.closePause(ctx.tx, ctx.row.id, ctx.today);
  return { decision_due_on: await dueAfter(ctx, ctx.row.decisionExtraDays) };
}

/** 告知: whether the proposed penalties need 集体讨论, give a hearing right, make the case 大要案. */
export function penaltyConsequences(s: CaseSettings, row: { partyKind: string; caseValueFen: number }, ps: Penalty[]) {
  const fine = sumOf(ps, ['fine']);
  const confiscation = sumOf(ps, ['confiscate_gains', 'confiscate_property']);
  const kinds = ps.map((p) => p.kind);
  const threshold = s.hearingThresholdFen[row.partyKind === 'person' ? 'person' : 'organisation'];
  return {
    needsCollective:
      fine >= s.collective.fineFen || kinds.some((k) => (s.collective.penaltyKinds as readonly string[]).includes(k)),
    hearingRight:
      fine >= threshold ||
      confiscation >= threshold ||
      kinds.some((k) => (hearingPenaltyKinds as readonly string[]).includes(k)),
    isMajor:
      fine >= s.majorCase.fineFen ||
      row.caseValueFen >= s.majorCase.caseValueFen ||
      kinds.some((k) => (s.majorCase.penaltyKinds as readonly string[]).includes(k)),
  };
}

/**
 * The actions this service applies (the execution service adds recordPayment, approveInstalment,
 * applyEnforcement; summaryDecide has its own endpoint; summaryFile is services/summary-filing.ts, added by the workflow).
 */
export const caseActions: Partial<Record<CaseAction, CaseActionHandler>> = {
  file: {
    async apply(ctx) {
      const after = async () => {
        if (ctx.row.leadId !== null)
          await ctx.deps.hooks?.onCaseFiled?.(
            ctx.tx,
            ctx.actor,
            { caseId: ctx.row.id, leadId: ctx.row.leadId },
            { calendar: ctx.cal, today: ctx.today },
          );
      };
      const set = { filed_on: ctx.today, decision_due_on: addDays(ctx.today, 90) };
      return { set, documentNoColumn: 'case_no', after };
    },
  },
  suspend: {
    async apply(ctx) {
      await startPause(ctx, 'suspension', str(ctx.body.reason));
      return { note: str(ctx.body.reason) };
    },
  },
  resume: { apply: async (ctx) => ({ set: await endPause(ctx, ['suspension']), note: str(ctx.body.note) }) },
  pauseClock: {
    async apply(ctx) {
      const reason = str(ctx.body.pauseReason) ?? 'testing';
      await startPause(ctx, reason, str(ctx.body.reason));
      return { note: str(ctx.body.reason), data: { pauseReason: reason } };
    },
  },
  resumeClock: {
    async apply(ctx) {
      const set = await endPause(ctx, ['testing', 'identification', 'public_notice']);
      if (!('decision_due_on' in set)) throw validation('action', '没有中止计算中的检测、鉴定或公告期间');
      return { set, note: str(ctx.body.note) };
    },
  },
  extend: {
    async check(ctx) {
      if (ctx.row.decisionExtensions > 0)
        throw validation('action', '办案期限已延长过一次，再次延长须经集体讨论决定（extendCollective）');
    },
    async apply(ctx) {
      const extra = ctx.row.decisionExtraDays + FIRST_EXTENSION_DAYS;
      const set = {
        decision_extensions: ctx.row.decisionExtensions + 1,
        decision_extra_days: extra,
        decision_due_on: await dueAfter(ctx, extra),
      };
      return { set, note: str(ctx.body.reason), data: { days: FIRST_EXTENSION_DAYS } };
    },
  },
  extendCollective: {
    async apply(ctx) {
      const days = typeof ctx.body.days === 'number' ? ctx.body.days : DEFAULT_COLLECTIVE_EXTENSION_DAYS;
      const extra = ctx.row.decisionExtraDays + days;
      const set = {
        decision_extensions: ctx.row.decisionExtensions + 1,
        decision_extra_days: extra,
        decision_due_on: await dueAfter(ctx, extra),
      };
      return { set, note: str(ctx.body.reason), data: { days, minutes: ctx.body.minutes } };
    },
  },
  finishInvestigation: { apply: async (ctx) => ({ note: str(ctx.body.report) }) },
  reopen: { apply: async (ctx) => ({ note: str(ctx.body.reason) }) },
  legalReview: { apply: async (ctx) => ({ note: str(ctx.body.note) }) },
  discuss: { apply: async (ctx) => ({ note: str(ctx.body.minutes), data: { minutes: ctx.body.minutes } }) },
  notify: {
    async check(ctx) {
      const c = penaltyConsequences(ctx.settings, ctx.row, ctx.body.penalties as Penalty[]);
      if (c.needsCollective && ctx.row.status !== 'discussed')
        throw validation('penalties', '拟作出的处罚属重大案件，告知前须经集体讨论（discuss）');
    },
    async apply(ctx) {
      const ps = ctx.body.penalties as Penalty[];
      const c = penaltyConsequences(ctx.settings, ctx.row, ps);
      await repo.replacePenalties(ctx.tx, ctx.row.id, ps);
      const set = {
        needs_collective: c.needsCollective,
        hearing_right: c.hearingRight,
        is_major: c.isMajor,
        notified_on: ctx.today,
        statement_due_on: statementDueOn(ctx.cal, ctx.today),
      };
      return { set, note: str(ctx.body.note), data: { penalties: ps, hearingRight: c.hearingRight } };
    },
  },
  recordStatement: { apply: async (ctx) => ({ note: str(ctx.body.note), data: { statement: true } }) },
  scheduleHearing: {
    async check(ctx) {
      if (!ctx.row.hearingRight) throw validation('hearingOn', '本案拟作出的处罚不属于听证范围');
      if (!hearingNoticeInTime(ctx.today, String(ctx.body.hearingOn)))
        throw validation('hearingOn', '听证通知应在举行听证的7日前送达，听证日期过早');
    },
    async apply(ctx) {
      await startPause(ctx, 'hearing', `听证日期 ${ctx.body.hearingOn}`);
      return { note: str(ctx.body.note), data: { hearingOn: ctx.body.hearingOn } };
    },
  },
  finishHearing: {
    apply: async (ctx) => ({ set: await endPause(ctx, ['hearing']), note: str(ctx.body.report) }),
  },
  decide: {
    async check(ctx) {
      await assertDecisionClockRunning(ctx);
      if (ctx.body.decisionKind !== 'penalty') return;
      if (!['notified', 'heard'].includes(ctx.row.status))
        throw validation('decisionKind', '作出行政处罚决定前须告知当事人拟作出的处罚及其权利');
      if (!(await repo.penaltiesOf(ctx.tx, ctx.row.id)).length)
        throw validation('decisionKind', '未告知拟作出的处罚内容');
      if (
        ctx.row.status === 'notified' &&
        ctx.row.statementDueOn &&
        ctx.today <= ctx.row.statementDueOn &&
        !(await repo.statementRecorded(ctx.tx, ctx.row.id))
      )
        throw validation('decisionKind', `陈述申辩期至 ${ctx.row.statementDueOn} 届满，期满或记录陈述申辩后方可决定`);
    },
    async apply(ctx) {
      // Checked again when the last approver approves: the clock may have run out while the request waited.
      await assertDecisionClockRunning(ctx);
      const kind = String(ctx.body.decisionKind);
      const ps = kind === 'penalty' ? await repo.penaltiesOf(ctx.tx, ctx.row.id) : [];
      const set = {
        ...(await endPause(ctx, ['testing', 'identification', 'public_notice', 'hearing', 'suspension'])),
        decision_kind: kind,
        decided_on: ctx.today,
        fine_due_fen: sumOf(ps, ['fine']),
        confiscated_fen: sumOf(ps, ['confiscate_gains', 'confiscate_property']),
        transferred_to_judiciary: kind === 'transfer',
      };
      const hookOpts = { actor: ctx.actor, calendar: ctx.cal, today: ctx.today };
      const after = async () => {
        await ctx.deps.hooks?.onCaseDecided?.(ctx.tx, ctx.row.id, hookOpts);
      };
      return {
        set,
        note: str(ctx.body.note),
        data: { decisionKind: kind },
        document: kind === 'penalty' ? 'penaltyDecision' : null,
        documentNoColumn: 'decision_no',
        after,
      };
    },
  },
  serve: {
    async check(ctx) {
      const on = String(ctx.body.servedOn);
      if (ctx.row.decidedOn && on < ctx.row.decidedOn) throw validation('servedOn', '送达日期不能早于决定日期');
      if (on > ctx.today) throw validation('servedOn', '送达日期不能晚于今天');
    },
    async apply(ctx) {
      const on = String(ctx.body.servedOn);
      const late = ctx.row.decidedOn ? servedLate(ctx.row.decidedOn, on) : false;
      const set = {
        served_on: on,
        serve_method: ctx.body.serveMethod,
        payment_due_on: ctx.row.fineDueFen > 0 ? paymentDueOn(on) : null,
      };
      const data = { servedOn: on, serveMethod: ctx.body.serveMethod, late };
      return { set, note: late ? '超过7日送达' : str(ctx.body.note), data };
    },
  },
  close: {
    async apply(ctx) {
      const after = async () => {
        await ctx.deps.hooks?.onCaseClosed?.(ctx.tx, ctx.actor, ctx.row.id);
      };
      return { set: { closed_on: ctx.today }, note: str(ctx.body.note), after };
    },
  },
  annul: {
    async apply(ctx) {
      const reason = String(ctx.body.reason);
      const hookOpts = { actor: ctx.actor, calendar: ctx.cal, today: ctx.today };
      const after = async () => {
        await ctx.deps.hooks?.onDecisionAnnulled?.(ctx.tx, ctx.row.id, reason, ctx.today, hookOpts);
      };
      return { note: reason, after };
    },
  },
};
