import { type CaseStatus, openCaseStatuses } from './case-workflow.ts';
import { addWorkingDays, type WorkingDayCalendar } from './working-days.ts';

/**
 * The clocks of a case (《市场监督管理行政处罚程序规定》): the decision is due 90 calendar days after 立案, +30 once
 * with approval, further only by a recorded collective decision (the days it added); excluded periods (中止, 听证,
 * 检测/检验/检疫/鉴定, 公告) do not count: the due date moves by their length, an open one counts up to today.
 * Dates are YYYY-MM-DD in Asia/Shanghai; day arithmetic is on UTC midnights, so no DST can shift it.
 */
export const DECISION_BASE_DAYS = 90;
export const FIRST_EXTENSION_DAYS = 30;
export const DEFAULT_COLLECTIVE_EXTENSION_DAYS = 30;
export const LEGAL_REVIEW_WORKING_DAYS = 10;
export const STATEMENT_WORKING_DAYS = 5;
export const HEARING_NOTICE_MIN_DAYS = 7;
export const SERVE_WITHIN_DAYS = 7;
export const PAYMENT_DAYS = 15;

export type PauseReason = 'testing' | 'identification' | 'suspension' | 'hearing' | 'public_notice';
export interface ClockPause {
  reason: PauseReason | string;
  startedOn: string;
  endedOn: string | null;
}

const DAY = 86_400_000;
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;
const fromDayNo = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
export const addDays = (d: string, n: number) => fromDayNo(dayNo(d) + n);
export const daysBetween = (from: string, to: string) => dayNo(to) - dayNo(from);

/**
 * Days excluded by the pauses up to `today`: the union of [startedOn, endedOn) (an open pause runs to today),
 * so overlapping records never count a day twice; a pause starting after today counts nothing yet.
 */
export function excludedDays(pauses: readonly ClockPause[], today: string): number {
  const t = dayNo(today);
  const spans = pauses
    .map((p) => [dayNo(p.startedOn), Math.min(p.endedOn ? dayNo(p.endedOn) : t, Math.max(t, dayNo(p.startedOn)))])
    .filter(([s, e]) => (e as number) > (s as number))
    .sort((a, b) => (a[0] as number) - (b[0] as number)) as [number, number][];
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [s, e] of spans) {
    const from = Math.max(s, end);
    if (e > from) total += e - from;
    end = Math.max(end, e);
  }
  return total;
}

export interface DecisionClockInput {
  filedOn: string;
  /** Days added by extensions: 30 for the approved one, plus what each collective decision added. */
  extraDays: number;
  pauses: readonly ClockPause[];
  today: string;
}

export interface DecisionClock {
  dueOn: string;
  daysLeft: number;
  paused: boolean;
  overdue: boolean;
  excludedDays: number;
}

export function decisionClock(i: DecisionClockInput): DecisionClock {
  const excluded = excludedDays(i.pauses, i.today);
  const dueOn = addDays(i.filedOn, DECISION_BASE_DAYS + i.extraDays + excluded);
  const paused = i.pauses.some((p) => p.endedOn === null && p.startedOn <= i.today);
  const daysLeft = daysBetween(i.today, dueOn);
  return { dueOn, daysLeft, paused, overdue: daysLeft < 0, excludedDays: excluded };
}

/** The due date stored on the case (closed pauses only); an open pause is added when read (see decisionClock). */
export function storedDecisionDueOn(filedOn: string, extraDays: number, pauses: readonly ClockPause[]): string {
  const closed = pauses.filter((p) => p.endedOn !== null);
  const last = closed.reduce((m, p) => ((p.endedOn as string) > m ? (p.endedOn as string) : m), filedOn);
  return addDays(filedOn, DECISION_BASE_DAYS + extraDays + excludedDays(closed, last));
}

/** The clock as a list shows it, from the stored due date and the start of the open pause, if any. */
export function clockFromStored(storedDueOn: string, openPauseStartedOn: string | null, today: string): DecisionClock {
  const running = openPauseStartedOn && openPauseStartedOn <= today ? daysBetween(openPauseStartedOn, today) : 0;
  const dueOn = addDays(storedDueOn, running);
  const daysLeft = daysBetween(today, dueOn);
  return { dueOn, daysLeft, paused: openPauseStartedOn !== null, overdue: daysLeft < 0, excludedDays: running };
}

/** 法制审核: 10 working days from the request. */
export const legalReviewDueOn = (cal: WorkingDayCalendar, requestedOn: string) =>
  addWorkingDays(cal, requestedOn, LEGAL_REVIEW_WORKING_DAYS).date;

/** 陈述申辩: 5 working days from the notice. */
export const statementDueOn = (cal: WorkingDayCalendar, notifiedOn: string) =>
  addWorkingDays(cal, notifiedOn, STATEMENT_WORKING_DAYS).date;

/** 听证通知: the notice reaches the party at least 7 days before the hearing. */
export const hearingNoticeInTime = (noticeOn: string, hearingOn: string) =>
  daysBetween(noticeOn, hearingOn) >= HEARING_NOTICE_MIN_DAYS;

/** 送达: within 7 days of the decision (当场 or 7 日内); later service is recorded and flagged. */
export const servedLate = (decidedOn: string, servedOn: string) => daysBetween(decidedOn, servedOn) > SERVE_WITHIN_DAYS;

/** 缴款期限: 15 days from service. */
export const paymentDueOn = (servedOn: string) => addDays(servedOn, PAYMENT_DAYS);

/** Whether the decision clock runs for a case in `status` (after 立案, before 决定). */
export const clockRuns = (status: string) => (openCaseStatuses as readonly CaseStatus[]).includes(status as CaseStatus);

/**
 * 简易程序备案 (settings.summaryFilingDays working days after the decision): overdue while not recorded past the
 * due day, late when recorded after it. Null for a case without a filing due day (general procedure).
 */
export function summaryFilingState(dueOn: string | null, filedOn: string | null, today: string) {
  if (!dueOn) return null;
  return {
    dueOn,
    filedOn,
    daysLeft: daysBetween(today, dueOn),
    overdue: filedOn === null && today > dueOn,
    late: filedOn !== null && filedOn > dueOn,
  };
}
