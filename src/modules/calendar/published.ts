import type { Queryable } from '../../db/client.ts';
import { buildCalendar, type WorkingDayCalendar } from '../../domain/working-days.ts';
import { listConfirmedYears, listOverrides } from './repo.ts';

/**
 * The working-day calendar read through the caller's handle, for code that already runs inside a transaction it
 * did not open (an approval's completion handler): services.calendar.calendar() reads through the pool and must
 * be called before a transaction, never inside one.
 */
export async function calendarThrough(q: Queryable): Promise<WorkingDayCalendar> {
  const overrides = await listOverrides(q);
  const years = await listConfirmedYears(q);
  return buildCalendar({ overrides, confirmedYears: years.map((y) => y.year) });
}
