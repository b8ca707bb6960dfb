import type { Period } from './complaint-rules.ts';
import { addWorkingDays, isIsoDate, type WorkingDayCalendar } from './working-days.ts';

export { shanghaiToday } from './shanghai-date.ts';

export interface Due {
  dueOn: string;
  provisional: boolean;
}

const addCalendarDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The last day of a period that starts on `startOn` (民法典 Arts. 201–203): the start day is not
 * counted; a period in working days ends on the n-th working day after it; one in calendar days
 * whose last day is not a working day ends on the next working day.
 */
export function dueDate(cal: WorkingDayCalendar, startOn: string, period: Period): Due {
  if (!isIsoDate(startOn)) throw new RangeError(`起算日期无效：${startOn}`);
  if (period.unit === 'workingDays') {
    const r = addWorkingDays(cal, startOn, period.days);
    return { dueOn: r.date, provisional: r.provisional };
  }
  const last = addCalendarDays(startOn, period.days);
  const r = addWorkingDays(cal, last, 0);
  return { dueOn: r.date, provisional: r.provisional };
}

/** Days left until due (negative when overdue), in calendar days, for colouring queues. */
export function daysUntil(today: string, dueOn: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
