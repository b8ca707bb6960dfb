import type { TCalendarOverride } from '../../contracts/calendar.ts';
import type { Db } from '../../db/client.ts';
import { addWorkingDays, buildCalendar, type WorkingDayCalendar } from '../../domain/working-days.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

// Other processes may edit overrides too; a short TTL bounds how stale this process's copy gets.
export const CALENDAR_CACHE_TTL_MS = 10_000;

/** `now` is the clock for both the year warnings and the cache's age (tests move it past the TTL). */
export function createCalendarService(db: Db, now: () => Date = () => new Date()) {
  let cached: { calendar: WorkingDayCalendar; at: number } | undefined;

  async function calendar(): Promise<WorkingDayCalendar> {
    if (cached && now().getTime() - cached.at < CALENDAR_CACHE_TTL_MS) return cached.calendar;
    const [overrides, years] = await Promise.all([repo.listOverrides(db), repo.listConfirmedYears(db)]);
    const fresh = buildCalendar({ overrides, confirmedYears: years.map((y) => y.year) });
    cached = { calendar: fresh, at: now().getTime() };
    return fresh;
  }

  const invalidate = () => {
    cached = undefined;
  };

  return {
    calendar,

    async addWorkingDays(from: string, days: number) {
      return addWorkingDays(await calendar(), from, days);
    },

    async days(from: string, to: string) {
      const cal = await calendar();
      const out = [];
      for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
        out.push(cal.dayInfo(new Date(t).toISOString().slice(0, 10)));
      }
      return out;
    },

    listOverrides: () => repo.listOverrides(db),

    async setOverride(actor: Actor, o: TCalendarOverride) {
      await db.transaction(async (tx) => {
        const before = await repo.upsertOverride(tx, o, actor.userId);
        await appendAudit(tx, actor, {
          action: 'calendar.override.set',
          targetType: 'calendar_day',
          targetId: o.day,
          detail: { before, after: o },
        });
      });
      invalidate();
      return o;
    },

    async deleteOverride(actor: Actor, day: string) {
      await db.transaction(async (tx) => {
        const before = await repo.deleteOverride(tx, day);
        if (!before) throw notFound(`${day} 的日历调整`);
        await appendAudit(tx, actor, {
          action: 'calendar.override.delete',
          targetType: 'calendar_day',
          targetId: day,
          detail: { before },
        });
      });
      invalidate();
    },

    async confirmYear(actor: Actor, year: number, source: string) {
      await db.transaction(async (tx) => {
        await repo.upsertConfirmedYear(tx, year, source, actor.userId);
        await appendAudit(tx, actor, {
          action: 'calendar.year.confirm',
          targetType: 'calendar_year',
          targetId: year,
          detail: { source },
        });
      });
      invalidate();
    },

    /** Which years are official, and a warning for the coming year while its schedule is missing. */
    async status() {
      const cal = await calendar();
      const confirmedYears = await repo.listConfirmedYears(db);
      const thisYear = now().getUTCFullYear();
      const officialYears = [];
      for (let y = 2004; y <= thisYear + 1; y++) if (cal.isYearOfficial(y)) officialYears.push(y);
      const warnings = [thisYear, thisYear + 1]
        .filter((y) => !cal.isYearOfficial(y))
        .map(
          (y) =>
            `${y}年的法定节假日安排尚未录入：落在该年的期限按周一至周五暂算，显示为“暂定”。请在国务院办公厅通知发布后录入调整并确认该年度。`,
        );
      return { officialYears, confirmedYears, warnings };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
