import type { Queryable } from '../../db/client.ts';
import { buildCalendar, type WorkingDayCalendar } from '../../domain/working-days.ts';
import { listConfirmedYears, listOverrides } from './repo.ts';

/**
 * What the calendar module lets other modules call directly: the working-day calendar read through the caller's
 * own connection. For code that runs inside a transaction it did not start (a hook another module calls), where
 * the cached service calendar would need a second connection PGlite does not have. Prefer the service's
 * calendar() loaded before the transaction where you can.
 */
export async function calendarWithin(q: Queryable): Promise<WorkingDayCalendar> {
  const [overrides, years] = await Promise.all([listOverrides(q), listConfirmedYears(q)]);
  return buildCalendar({ overrides, confirmedYears: years.map((y) => y.year) });
}

/** The same, under the name the case-lead services use. */
export const calendarThrough = calendarWithin;
