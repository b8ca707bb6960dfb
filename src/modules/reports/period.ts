import type { TReportFigure } from '../../contracts/reports.ts';
import type { RawFigure } from './figures.ts';

/** The same day a year earlier (29 February → 28 February). */
export function yearEarlier(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * Year-on-year change: a count or money in percent of the earlier value (null when that is 0 or unknown);
 * a rate in percentage points.
 */
export function change(unit: TReportFigure['unit'], value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  if (unit === 'percent') return Math.round((value - previous) * 10) / 10;
  if (previous === 0) return null;
  return Math.round(((value - previous) / previous) * 1000) / 10;
}

/** Each figure of the period beside the same figure a year earlier (matched by key). */
export function pairFigures(current: RawFigure[], previous: RawFigure[]): TReportFigure[] {
  const before = new Map(previous.map((f) => [f.key, f.value]));
  return current.map((f) => {
    const prev = before.get(f.key) ?? null;
    return { ...f, module: f.key.split('.')[0] as string, previous: prev, change: change(f.unit, f.value, prev) };
  });
}
