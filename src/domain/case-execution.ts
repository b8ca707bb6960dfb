import { daysBetween } from './case-measures.ts';
import { dueDate } from './deadlines.ts';
import { isIsoDate, type WorkingDayCalendar } from './working-days.ts';

/**
 * 执行 of a penalty decision (行政处罚法 Arts. 66, 67, 72; 行政强制法 Art. 45), money in integer fen.
 *
 * - The fine is due within 15 days of service (Art. 67). The period counts calendar days, the day of service
 *   not counted; a last day that is not a working day moves to the next working day (deadlines.dueDate).
 * - 分期/延期 (Art. 66): an approved plan replaces the schedule. A schedule is a list of instalments
 *   {dueOn, amountFen} whose amounts add up to the fine.
 * - 加处罚款 (Art. 72): for every day after an instalment's due day on which part of it is still unpaid, 3 % of
 *   that unpaid part; a payment counts from the day after it was made (the day of a late payment is a late day:
 *   ¥1,000 due on the 15th and paid on the 25th is 10 days late, ¥300). The total never exceeds the fine.
 *   Rounding: the daily 3 % is kept exactly, in hundredths of a fen (unpaid × 3 per day), summed over the days,
 *   and rounded DOWN once to whole fen at the end, then capped: the party is never charged a fraction of a fen
 *   more than the law allows, and there is no per-day rounding drift.
 * - Only the fine (罚款) bears late fees; 没收违法所得 money is due by the same schedule's last day but bears none.
 */
export const PAYMENT_DAYS = 15;
/** 加处罚款 per day, in percent of the unpaid fine. */
export const LATE_FEE_PERCENT_PER_DAY = 3;

export type PaymentKind = 'fine' | 'late_fee' | 'confiscation';
export const paymentKindLabels: Record<PaymentKind, string> = {
  fine: '罚款',
  late_fee: '加处罚款',
  confiscation: '没收违法所得（没收款）',
};

export interface Instalment {
  dueOn: string;
  amountFen: number;
}

export interface PaymentFact {
  kind: PaymentKind;
  amountFen: number;
  paidOn: string;
}

/** The day the fine is due: 15 days after service (a holiday at the end moves it to the next working day). */
export function paymentDueOn(cal: WorkingDayCalendar, servedOn: string): string {
  return dueDate(cal, servedOn, { unit: 'calendarDays', days: PAYMENT_DAYS }).dueOn;
}

/** The schedule in force: the approved plan, or the whole fine on the payment due day. */
export function scheduleOf(c: {
  fineDueFen: number;
  paymentDueOn: string | null;
  plan: Instalment[] | null;
}): Instalment[] {
  if (c.plan && c.plan.length > 0) return c.plan;
  if (c.fineDueFen <= 0 || !c.paymentDueOn) return [];
  return [{ dueOn: c.paymentDueOn, amountFen: c.fineDueFen }];
}

const sumFen = (xs: readonly { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);

export const paidOf = (payments: readonly PaymentFact[], kind: PaymentKind, before?: string): number =>
  sumFen(payments.filter((p) => p.kind === kind && (before === undefined || p.paidOn < before)));

/** The part of the fine that was due before `day` and not paid before it (what bears the fee on `day`). */
function overdueOnDay(schedule: readonly Instalment[], finePayments: readonly PaymentFact[], day: string): number {
  const due = sumFen(schedule.filter((i) => i.dueOn < day));
  const paid = sumFen(finePayments.filter((p) => p.paidOn < day));
  return Math.max(0, due - paid);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** 加处罚款 accrued up to and including `asOf`, in fen (rounded down, capped at the fine). */
export function lateFeeFen(
  schedule: readonly Instalment[],
  payments: readonly PaymentFact[],
  fineFen: number,
  asOf: string,
): number {
  if (schedule.length === 0 || fineFen <= 0) return 0;
  const fines = payments.filter((p) => p.kind === 'fine');
  const first = schedule.map((i) => i.dueOn).sort()[0]!;
  const capHundredths = fineFen * 100;
  let hundredths = 0;
  for (let day = nextDay(first); day <= asOf; day = nextDay(day)) {
    hundredths += overdueOnDay(schedule, fines, day) * LATE_FEE_PERCENT_PER_DAY;
    if (hundredths >= capHundredths) return fineFen;
  }
  return Math.min(fineFen, Math.floor(hundredths / 100));
}

export interface InstalmentView extends Instalment {
  seq: number;
  /** How much of this instalment the fine payments so far cover (payments fill instalments in order). */
  paidFen: number;
  overdue: boolean;
}

export interface ExecutionFacts {
  decisionKind: 'penalty' | 'no_penalty' | 'transfer' | null;
  status: string;
  fineDueFen: number;
  /** 没收违法所得 money due (cases.confiscated_fen). */
  confiscationDueFen: number;
  paymentDueOn: string | null;
  plan: Instalment[] | null;
}

export interface ExecutionSummary {
  fineDueFen: number;
  confiscationDueFen: number;
  paidFen: number;
  paidFineFen: number;
  paidLateFeeFen: number;
  paidConfiscationFen: number;
  lateFeeFen: number;
  lateFeeOutstandingFen: number;
  /** Fine + confiscation + late fee still to pay, as of today. */
  outstandingFen: number;
  /** The next unpaid instalment's due day (the final one when all are paid); null before service. */
  dueOn: string | null;
  /** Calendar days since the oldest unpaid instalment fell due; 0 when none is overdue. */
  overdueDays: number;
  overdueFen: number;
  /** Something is due and unpaid after its day: the condition for 申请强制执行. */
  paymentOverdue: boolean;
  settled: boolean;
  instalments: InstalmentView[];
}

export function executionSummary(c: ExecutionFacts, payments: readonly PaymentFact[], today: string): ExecutionSummary {
  const schedule = scheduleOf(c);
  const paidFineFen = paidOf(payments, 'fine');
  const paidLateFeeFen = paidOf(payments, 'late_fee');
  const paidConfiscationFen = paidOf(payments, 'confiscation');
  const lateFee = lateFeeFen(schedule, payments, c.fineDueFen, today);
  const lateFeeOutstandingFen = Math.max(0, lateFee - paidLateFeeFen);
  let left = paidFineFen;
  const instalments = schedule.map((i, n) => {
    const paid = Math.min(left, i.amountFen);
    left -= paid;
    return {
      seq: n + 1,
      dueOn: i.dueOn,
      amountFen: i.amountFen,
      paidFen: paid,
      overdue: paid < i.amountFen && today > i.dueOn,
    };
  });
  const firstUnpaid = instalments.find((i) => i.paidFen < i.amountFen);
  const finalDue = schedule.at(-1)?.dueOn ?? c.paymentDueOn;
  // Overdue today: fell due before today and not covered by the payments up to today (one made today counts).
  const overdueFen = Math.max(0, sumFen(schedule.filter((i) => i.dueOn < today)) - paidFineFen);
  const confiscationLeft = Math.max(0, c.confiscationDueFen - paidConfiscationFen);
  const confiscationOverdue = confiscationLeft > 0 && finalDue !== null && today > finalDue;
  const overdueDays = firstUnpaid?.overdue
    ? daysBetween(firstUnpaid.dueOn, today)
    : confiscationOverdue
      ? daysBetween(finalDue!, today)
      : 0;
  const outstandingFen = Math.max(0, c.fineDueFen - paidFineFen) + confiscationLeft + lateFeeOutstandingFen;
  return {
    fineDueFen: c.fineDueFen,
    confiscationDueFen: c.confiscationDueFen,
    paidFen: paidFineFen + paidLateFeeFen + paidConfiscationFen,
    paidFineFen,
    paidLateFeeFen,
    paidConfiscationFen,
    lateFeeFen: lateFee,
    lateFeeOutstandingFen,
    outstandingFen,
    dueOn: firstUnpaid?.dueOn ?? finalDue ?? null,
    overdueDays,
    overdueFen,
    paymentOverdue: overdueFen > 0 || confiscationOverdue || lateFeeOutstandingFen > 0,
    settled: outstandingFen === 0,
    instalments,
  };
}

/** Why a payment cannot be recorded (field and message), or null. */
export function paymentRefusal(
  summary: ExecutionSummary,
  p: { kind: PaymentKind; amountFen: number; paidOn: string },
  today: string,
): { field: string; message: string } | null {
  if (!isIsoDate(p.paidOn)) return { field: 'paidOn', message: '缴款日期无效' };
  if (p.paidOn > today) return { field: 'paidOn', message: '缴款日期不能晚于今天' };
  if (!Number.isSafeInteger(p.amountFen) || p.amountFen <= 0)
    return { field: 'amountFen', message: '金额必须为正整数（分）' };
  const left =
    p.kind === 'fine'
      ? summary.fineDueFen - summary.paidFineFen
      : p.kind === 'confiscation'
        ? summary.confiscationDueFen - summary.paidConfiscationFen
        : summary.lateFeeOutstandingFen;
  if (left <= 0) return { field: 'kind', message: `${paymentKindLabels[p.kind]}没有待缴金额` };
  if (p.amountFen > left) {
    return { field: 'amountFen', message: `超过${paymentKindLabels[p.kind]}待缴金额 ${yuan(left)} 元` };
  }
  return null;
}

/**
 * Checks an instalment/deferral plan (Art. 66) against the case: asked before the fine is overdue, covering
 * exactly the unpaid fine, in increasing due days from today on. Returns the full schedule to store: what
 * is already paid stays on the original due day, the plan follows.
 */
export function planSchedule(
  c: ExecutionFacts,
  payments: readonly PaymentFact[],
  plan: readonly Instalment[],
  today: string,
): { schedule: Instalment[] } | { field: string; message: string } {
  const summary = executionSummary(c, payments, today);
  const unpaid = c.fineDueFen - summary.paidFineFen;
  if (unpaid <= 0) return { field: 'instalments', message: '罚款已缴清，无需分期或延期' };
  if (summary.overdueFen > 0) return { field: 'instalments', message: '罚款已逾期，不能再批准分期或延期缴纳' };
  if (plan.length === 0 || plan.length > 36) return { field: 'instalments', message: '分期应为 1 至 36 期' };
  let prev = today;
  for (const [n, i] of plan.entries()) {
    if (!isIsoDate(i.dueOn) || i.dueOn <= prev) {
      return { field: `instalments.${n}.dueOn`, message: '各期缴款日期应晚于今天并逐期递增' };
    }
    if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) {
      return { field: `instalments.${n}.amountFen`, message: '每期金额必须为正整数（分）' };
    }
    prev = i.dueOn;
  }
  if (sumFen(plan) !== unpaid) {
    return { field: 'instalments', message: `各期金额合计应等于未缴罚款 ${yuan(unpaid)} 元` };
  }
  const first = scheduleOf(c)[0]?.dueOn ?? today;
  const paidPart = summary.paidFineFen > 0 ? [{ dueOn: first, amountFen: summary.paidFineFen }] : [];
  return { schedule: [...paidPart, ...plan.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen }))] };
}

export type CloseCheck = { ok: true; reason: string } | { ok: false; field: string; message: string };

/**
 * 结案 of a penalty case: the money is settled (fine, confiscation and the late fees due today paid), or the
 * authority has applied to the court for enforcement, or the decision imposes nothing to pay (不予处罚, 移送).
 */
export function closeCheck(c: ExecutionFacts, payments: readonly PaymentFact[], today: string): CloseCheck {
  if (c.decisionKind === 'no_penalty' || c.decisionKind === 'transfer') {
    return { ok: true, reason: c.decisionKind === 'transfer' ? '已移送司法机关' : '不予行政处罚' };
  }
  if (c.status === 'enforcement') return { ok: true, reason: '已申请人民法院强制执行' };
  const s = executionSummary(c, payments, today);
  if (s.settled) return { ok: true, reason: s.fineDueFen + s.confiscationDueFen > 0 ? '罚没款已缴清' : '无罚没款' };
  const parts = [
    s.fineDueFen > s.paidFineFen ? `罚款 ${yuan(s.fineDueFen - s.paidFineFen)} 元` : null,
    s.confiscationDueFen > s.paidConfiscationFen
      ? `没收款 ${yuan(s.confiscationDueFen - s.paidConfiscationFen)} 元`
      : null,
    s.lateFeeOutstandingFen > 0 ? `加处罚款 ${yuan(s.lateFeeOutstandingFen)} 元` : null,
  ].filter(Boolean);
  return { ok: false, field: 'paidFen', message: `尚未缴清：${parts.join('、')}；缴清或申请强制执行后方可结案` };
}

/** ¥ with two decimals, from fen, for messages. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}
