import type { Queryable } from '../../db/client.ts';

/** The dates every provider counts against (Asia/Shanghai calendar dates, YYYY-MM-DD). */
export interface ScreenWindow {
  today: string;
  monthStart: string;
  yearStart: string;
  /** The first day of the month 11 months back: 12 months of monthly figures, this one included. */
  months12Start: string;
  /** 30 days of daily figures, today included. */
  days30Start: string;
  /** The same month last year, up to the same day: the year-on-year comparison. */
  lastYearMonthStart: string;
  lastYearToday: string;
}

/** One figure of one unit: unitId 0 is the whole district, any other a station. */
export interface ScreenFigureRow {
  unitId: number;
  key: string;
  value: unknown;
}

/**
 * 智慧大脑: the contract each module implements in src/modules/<m>/screen.ts and registers in
 * src/server/container.ts (like the inbox's PendingItemsProvider). `figures` runs in the refresh job, never per
 * request: set-based SQL over the module's own tables, grouped per station with the district total (unit 0).
 */
export interface ScreenProvider {
  /** The figure key the provider writes (one object per unit, the ZScreenFigures field of the same name). */
  key: string;
  figures(db: Queryable, w: ScreenWindow): Promise<ScreenFigureRow[]>;
}

/** Rows with a null unit (the GROUPING SETS total) become unit 0, the district. */
export const unitOf = (stationId: number | null): number => (stationId === null ? 0 : Number(stationId));

/** Groups rows by unit (district and each station) with `pick` building each unit's value. */
export function byUnit<R extends { unitId: number | null }>(
  rows: readonly R[],
  key: string,
  pick: (rows: R[], unitId: number) => unknown,
): ScreenFigureRow[] {
  const groups = new Map<number, R[]>();
  for (const r of rows) {
    const u = unitOf(r.unitId);
    const list = groups.get(u);
    if (list) list.push(r);
    else groups.set(u, [r]);
  }
  if (!groups.has(0)) groups.set(0, []);
  return [...groups].map(([unitId, rs]) => ({ unitId, key, value: pick(rs, unitId) }));
}

/** The 12 month labels (YYYY-MM) ending with today's month. */
export function monthLabels(w: ScreenWindow): string[] {
  const [y, m] = w.today.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** The 30 day labels ending today. */
export function dayLabels(w: ScreenWindow): string[] {
  const end = new Date(`${w.today}T00:00:00Z`).getTime();
  return Array.from({ length: 30 }, (_, i) => new Date(end - (29 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** The window of `today`. */
export function screenWindow(today: string): ScreenWindow {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 7)}-01`;
  const lastYearMonthStart = iso(new Date(Date.UTC(y - 1, m - 1, 1)));
  // 29 February has no twin: the last day of last year's February stands in.
  const lastYearMonthEnd = iso(new Date(Date.UTC(y - 1, m, 0)));
  const sameDay = `${y - 1}${today.slice(4)}`;
  return {
    today,
    monthStart,
    yearStart: `${y}-01-01`,
    months12Start: iso(new Date(Date.UTC(y, m - 12, 1))),
    days30Start: iso(new Date(new Date(`${today}T00:00:00Z`).getTime() - 29 * 86_400_000)),
    lastYearMonthStart,
    lastYearToday: sameDay > lastYearMonthEnd ? lastYearMonthEnd : sameDay,
  };
}
