import { isIsoDate, type WorkingDayCalendar } from './working-days.ts';

/**
 * 线索核查期限 (《市场监督管理行政处罚程序规定》 Art. 18): 15 working days from receipt or discovery, once
 * extended by 15 with the head's approval; the working days of 检测、检验、检疫、鉴定 and 权利人辨认 are not
 * counted (the clock pauses). The day of receipt is not counted (期间开始之日不计算在内).
 */
export const LEAD_VERIFY_WORKING_DAYS = 15;
export const LEAD_EXTENSION_WORKING_DAYS = 15;

/** Why a lead's clock may pause. */
export const leadPauseReasons = ['testing', 'identification'] as const;
export type LeadPauseReason = (typeof leadPauseReasons)[number];
export const leadPauseReasonLabels: Record<LeadPauseReason, string> = {
  testing: '检测、检验、检疫、鉴定',
  identification: '权利人辨认',
};

export interface ClockPause {
  startedOn: string;
  /** The day the clock runs again (that day counts); null while paused. */
  endedOn: string | null;
}

export interface LeadClockInput {
  receivedOn: string;
  extended: boolean;
  pauses: readonly ClockPause[];
  today: string;
}

export interface LeadClock {
  /** The last day of the verification period, as things stand (an open pause is taken as ending tomorrow). */
  dueOn: string;
  /** Counted working days left after today (negative: working days overdue). */
  workingDaysLeft: number;
  paused: boolean;
  overdue: boolean;
  /** Working days the period has in all (15, or 30 after the extension). */
  periodWorkingDays: number;
}

const MS_PER_DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * MS_PER_DAY).toISOString().slice(0, 10);
// Ten years of scanning is far more than any period here; it guards a calendar with no working days.
const MAX_SCAN_DAYS = 3660;

/** Whether `day` lies in a pause: from its first day up to the day before it ends (an open one: through `today`). */
function inPause(pauses: readonly ClockPause[], today: string, day: string): boolean {
  return pauses.some((p) => day >= p.startedOn && (p.endedOn === null ? day <= today : day < p.endedOn));
}

/** Counts the working days of the period that are not paused, from the day after receipt. */
export function leadClock(cal: WorkingDayCalendar, input: LeadClockInput): LeadClock {
  if (!isIsoDate(input.receivedOn)) throw new RangeError(`受理日期无效：${input.receivedOn}`);
  const total = LEAD_VERIFY_WORKING_DAYS + (input.extended ? LEAD_EXTENSION_WORKING_DAYS : 0);
  const counts = (day: string) => cal.isWorkingDay(day) && !inPause(input.pauses, input.today, day);
  let used = 0;
  let day = input.receivedOn;
  let dueOn: string | undefined;
  let usedByToday = 0;
  for (let i = 0; i < MAX_SCAN_DAYS && (dueOn === undefined || day < input.today); i++) {
    day = addDays(day, 1);
    if (counts(day)) {
      used += 1;
      if (used === total) dueOn = day;
    }
    if (day <= input.today) usedByToday = used;
  }
  if (dueOn === undefined) throw new RangeError('核查期限无法计算：日历中没有足够的工作日');
  const paused = input.pauses.some((p) => p.endedOn === null);
  return {
    dueOn,
    workingDaysLeft: total - usedByToday,
    paused,
    overdue: input.today > dueOn,
    periodWorkingDays: total,
  };
}
