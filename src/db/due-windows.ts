import type { Where } from './sql.ts';

/**
 * The work inbox's three due-date windows as a VALUES list `win(grp, lo, hi)`: overdue (before today), due today and
 * due the rest of this week. A repo joins it LATERAL to a LIMITed, index-ordered query whose WHERE holds
 * `<due column> BETWEEN win.lo AND win.hi`, so each window is one bounded index range scan and the caller's scope
 * predicate (readableWhere) is written once. Parameters go into `w`.
 */
export function dueWindows(w: Where, today: string, weekEnd: string): string {
  const t = w.param(today);
  const e = w.param(weekEnd);
  return `(VALUES ('overdue', '-infinity'::date, ${t}::date - 1), ('dueToday', ${t}::date, ${t}::date),
    ('dueWeek', ${t}::date + 1, ${e}::date)) AS win(grp, lo, hi)`;
}

/** Rows of `SELECT win.grp, <count> AS n FROM dueWindows …` folded into the three counts. */
export function windowCounts(rows: readonly { grp: string; n: number }[]) {
  const by = new Map(rows.map((r) => [r.grp, Number(r.n)]));
  return { overdue: by.get('overdue') ?? 0, dueToday: by.get('dueToday') ?? 0, dueWeek: by.get('dueWeek') ?? 0 };
}
