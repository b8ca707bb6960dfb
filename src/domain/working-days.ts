import { createRequire } from 'node:module';

// Working-day calendar (工作日): weekends and statutory holidays are skipped, make-up workdays (调休上班日)
// count. Official data comes from the `chinese-days` package; admins may add overrides and confirm years the
// package does not cover yet (the State Council publishes next year's schedule around November).

export interface CalendarOverride {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';
export type DaySource = 'package' | 'override' | 'weekday-rule';

export interface DayInfo {
  day: string;
  working: boolean;
  kind: DayKind;
  name: string | null;
  source: DaySource;
  provisional: boolean;
}

export interface WorkingDayCalendar {
  isWorkingDay(day: string): boolean;
  isYearOfficial(year: number): boolean;
  dayInfo(day: string): DayInfo;
}

export interface WorkingDayResult {
  date: string;
  provisional: boolean;
  provisionalYears: number[];
}

export const MAX_WORKING_DAYS = 3650;
const MS_PER_DAY = 86_400_000;
// Guards against a calendar (e.g. a test fake) with no working days at all: 100 years of scanning is plenty.
const MAX_SCAN_DAYS = 36_600;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict `YYYY-MM-DD` that names a real proleptic-Gregorian date (no time part, no whitespace). */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const match = ISO_DATE.exec(s);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Days are handled as integer day numbers since 1970-01-01 (UTC), so no local timezone or DST can shift them.
function toDayNumber(s: string, label: string): number {
  if (!isIsoDate(s)) throw new RangeError(`${label} must be a real date in YYYY-MM-DD form, got ${JSON.stringify(s)}`);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round(date.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError('date falls outside the years 0000–9999');
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

function isWeekendDay(dayNumber: number): boolean {
  // 1970-01-01 was a Thursday; the double modulo keeps pre-1970 days positive.
  const weekday = (((dayNumber + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

interface PackagedDays {
  holidays: Map<number, string>;
  workdays: Map<number, string>;
  years: Set<number>;
}

// Entries look like "Spring Festival,春节,4"; the Chinese name is the user-facing one.
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return parts[1]?.trim() || entry;
}

function readDayMap(raw: unknown, key: string, years: Set<number>): Map<number, string> {
  const section = (raw as Record<string, unknown> | null)?.[key];
  if (typeof section !== 'object' || section === null) throw new Error(`chinese-days data lacks "${key}"`);
  const map = new Map<number, string>();
  for (const [day, entry] of Object.entries(section)) {
    if (!isIsoDate(day) || typeof entry !== 'string') throw new Error(`chinese-days data has a bad ${key} entry`);
    map.set(toDayNumber(day, key), chineseName(entry));
    years.add(Number(day.slice(0, 4)));
  }
  return map;
}

function loadPackagedDays(): PackagedDays {
  // The package is CommonJS without an "exports" map, so the JSON is reachable with a plain require.
  const raw: unknown = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
  // A year is covered when the package lists any date in it; every published year has at least 元旦.
  const years = new Set<number>();
  return { holidays: readDayMap(raw, 'holidays', years), workdays: readDayMap(raw, 'workdays', years), years };
}

const packaged = loadPackagedDays();

/** Years whose official schedule ships with the `chinese-days` package, ascending. */
export const packagedYears: readonly number[] = Object.freeze([...packaged.years].sort((a, b) => a - b));

// Calendars built here expose a day-number fast path, so counting 3650 days does not re-parse strings.
const fastPaths = new WeakMap<WorkingDayCalendar, (dayNumber: number) => boolean>();

function workingTest(cal: WorkingDayCalendar): (dayNumber: number) => boolean {
  return fastPaths.get(cal) ?? ((dayNumber) => cal.isWorkingDay(fromDayNumber(dayNumber)));
}

function describe(
  day: string,
  working: boolean,
  weekend: boolean,
  holidayName: string | null,
  name: string | null,
  source: DaySource,
  provisional: boolean,
): DayInfo {
  let kind: DayKind;
  if (working) kind = weekend ? 'makeup-workday' : 'workday';
  else kind = holidayName !== null ? 'holiday' : 'weekend';
  return { day, working, kind, name, source, provisional };
}

function checkOverride(override: CalendarOverride): number {
  if (override.kind !== 'holiday' && override.kind !== 'workday') {
    throw new RangeError(`override kind must be 'holiday' or 'workday', got ${JSON.stringify(override.kind)}`);
  }
  return toDayNumber(override.day, 'override day');
}

/**
 * Overrides win over the package (a later override for the same day replaces an earlier one). Years outside
 * the package and not in `confirmedYears` fall back to the weekday rule plus overrides, flagged provisional.
 */
export function buildCalendar(
  opts: { overrides?: CalendarOverride[]; confirmedYears?: number[] } = {},
): WorkingDayCalendar {
  const overrides = new Map<number, CalendarOverride>();
  for (const override of opts.overrides ?? []) overrides.set(checkOverride(override), { ...override });
  const confirmed = new Set<number>();
  for (const year of opts.confirmedYears ?? []) {
    if (!Number.isInteger(year)) throw new RangeError(`confirmed year must be an integer, got ${year}`);
    confirmed.add(year);
  }

  const isYearOfficial = (year: number): boolean => packaged.years.has(year) || confirmed.has(year);

  const isWorking = (dayNumber: number): boolean => {
    const override = overrides.get(dayNumber);
    if (override) return override.kind === 'workday';
    if (packaged.holidays.has(dayNumber)) return false;
    return packaged.workdays.has(dayNumber) || !isWeekendDay(dayNumber);
  };

  const dayInfo = (day: string): DayInfo => {
    const dayNumber = toDayNumber(day, 'day');
    const weekend = isWeekendDay(dayNumber);
    const provisional = !isYearOfficial(Number(day.slice(0, 4)));
    const override = overrides.get(dayNumber);
    if (override) {
      const holiday = override.kind === 'holiday';
      return describe(day, !holiday, weekend, holiday ? override.name : null, override.name, 'override', provisional);
    }
    const holidayName = packaged.holidays.get(dayNumber);
    if (holidayName !== undefined) return describe(day, false, weekend, holidayName, holidayName, 'package', false);
    const makeupName = packaged.workdays.get(dayNumber);
    if (makeupName !== undefined) return describe(day, true, weekend, null, makeupName, 'package', false);
    return describe(day, !weekend, weekend, null, null, 'weekday-rule', provisional);
  };

  const calendar: WorkingDayCalendar = Object.freeze({
    isWorkingDay: (day: string) => isWorking(toDayNumber(day, 'day')),
    isYearOfficial,
    dayInfo,
  });
  fastPaths.set(calendar, isWorking);
  return calendar;
}

export const packagedCalendar: WorkingDayCalendar = buildCalendar();

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`n must be an integer from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
}

function step(current: number, start: number): number {
  if (current - start >= MAX_SCAN_DAYS) throw new RangeError('no working day found within 100 years');
  return current + 1;
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear();
}

/**
 * The start day is not counted (期间开始之日不计算在内); the deadline is the n-th working day after `from`.
 * n = 0 → `from` itself if it is a working day, else the next working day.
 */
export function addWorkingDays(cal: WorkingDayCalendar, from: string, n: number): WorkingDayResult {
  const start = toDayNumber(from, 'from');
  checkCount(n);
  const isWorking = workingTest(cal);
  let current = start;
  if (n === 0) {
    while (!isWorking(current)) current = step(current, start);
  } else {
    for (let remaining = n; remaining > 0; ) {
      current = step(current, start);
      if (isWorking(current)) remaining -= 1;
    }
  }
  const date = fromDayNumber(current);
  // The inspected days form one run: `from` itself (n = 0) or the day after it, through the deadline.
  const provisionalYears: number[] = [];
  for (let year = yearOf(n === 0 ? start : start + 1); year <= yearOf(current); year += 1) {
    if (!cal.isYearOfficial(year)) provisionalYears.push(year);
  }
  return { date, provisional: provisionalYears.length > 0, provisionalYears };
}

/** Working days in (from, to]; negative when `to` is before `from`, so that it inverts addWorkingDays. */
export function workingDaysBetween(cal: WorkingDayCalendar, from: string, to: string): number {
  const start = toDayNumber(from, 'from');
  const end = toDayNumber(to, 'to');
  if (end < start) return -workingDaysBetween(cal, to, from);
  const isWorking = workingTest(cal);
  let count = 0;
  for (let dayNumber = start + 1; dayNumber <= end; dayNumber += 1) {
    if (isWorking(dayNumber)) count += 1;
  }
  return count;
}
