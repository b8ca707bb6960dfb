import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  addWorkingDays,
  buildCalendar,
  type CalendarOverride,
  isIsoDate,
  MAX_WORKING_DAYS,
  packagedCalendar,
  packagedYears,
  type WorkingDayCalendar,
  workingDaysBetween,
} from './working-days.ts';

const cal = packagedCalendar;

function isoDay(offset: number): string {
  return new Date(Date.UTC(2003, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

function range(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000 + 1;
  return Array.from({ length }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

// Hand-checked against the State Council notices quoted in DOMAIN.md "Working days".
const holidays2025 = [
  ...range('2025-01-01', '2025-01-01'),
  ...range('2025-01-28', '2025-02-04'),
  ...range('2025-04-04', '2025-04-06'),
  ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'),
  ...range('2025-10-01', '2025-10-08'),
];
const makeups2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];
const holidays2026 = [
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
const makeups2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('official schedules', () => {
  for (const [year, holidays, makeups] of [
    [2025, holidays2025, makeups2025],
    [2026, holidays2026, makeups2026],
  ] as const) {
    it(`${year}: listed holidays are off, make-up days are on`, () => {
      for (const day of holidays) assert.equal(cal.isWorkingDay(day), false, day);
      for (const day of makeups) {
        assert.equal(cal.isWorkingDay(day), true, day);
        assert.equal(cal.dayInfo(day).kind, 'makeup-workday', day);
      }
    });

    it(`${year}: every other day follows the weekday rule`, () => {
      const special = new Set<string>([...holidays, ...makeups]);
      for (const day of range(`${year}-01-01`, `${year}-12-31`)) {
        if (special.has(day)) continue;
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        assert.equal(cal.isWorkingDay(day), weekday !== 0 && weekday !== 6, day);
      }
    });
  }

  it('covers 2004–2026 and not 2027', () => {
    assert.equal(packagedYears[0], 2004);
    assert.equal(packagedYears.at(-1), 2026);
    assert.equal(cal.isYearOfficial(2025), true);
    assert.equal(cal.isYearOfficial(2027), false);
  });

  it('describes days', () => {
    assert.deepEqual(cal.dayInfo('2025-10-06'), {
      day: '2025-10-06',
      working: false,
      kind: 'holiday',
      name: '中秋',
      source: 'package',
      provisional: false,
    });
    assert.equal(cal.dayInfo('2025-09-28').name, '国庆节');
    assert.equal(cal.dayInfo('2025-09-27').kind, 'weekend');
    assert.equal(cal.dayInfo('2025-09-27').source, 'weekday-rule');
    assert.equal(cal.dayInfo('2025-09-29').kind, 'workday');
    assert.equal(cal.dayInfo('2027-03-10').provisional, true);
  });
});

describe('addWorkingDays, hand-checked', () => {
  const cases: [from: string, n: number, expected: string][] = [
    // DOMAIN.md examples
    ['2025-09-26', 7, '2025-10-13'],
    ['2026-02-13', 1, '2026-02-14'],
    // 元旦 2025 and 春节 2025 (make-up Sun 26 Jan, Sat 8 Feb)
    ['2024-12-31', 1, '2025-01-02'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-24', 3, '2025-02-05'],
    ['2025-02-07', 1, '2025-02-08'],
    ['2025-02-07', 2, '2025-02-10'],
    // 清明, 劳动节 (make-up Sun 27 Apr), 端午 2025
    ['2025-04-03', 1, '2025-04-07'],
    ['2025-04-25', 1, '2025-04-27'],
    ['2025-04-25', 5, '2025-05-06'],
    ['2025-05-30', 1, '2025-06-03'],
    // n = 0: the start day itself when working, else the next working day
    ['2025-10-01', 0, '2025-10-09'],
    ['2025-09-28', 0, '2025-09-28'],
    ['2025-10-09', 0, '2025-10-09'],
    // 2026: 元旦 (make-up Sun 4 Jan), 春节, 劳动节, 端午, 中秋, 国庆
    ['2025-12-31', 1, '2026-01-04'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-04-30', 1, '2026-05-06'],
    ['2026-05-08', 1, '2026-05-09'],
    ['2026-06-18', 1, '2026-06-22'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-09-24', 1, '2026-09-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 4, '2026-10-12'],
  ];
  for (const [from, n, expected] of cases) {
    it(`${from} + ${n} → ${expected}`, () => {
      assert.deepEqual(addWorkingDays(cal, from, n), { date: expected, provisional: false, provisionalYears: [] });
      if (n > 0) assert.equal(workingDaysBetween(cal, from, expected), n);
    });
  }
});

describe('years without official data', () => {
  it('flags a 2027 deadline as provisional and uses the weekday rule', () => {
    assert.deepEqual(addWorkingDays(cal, '2026-12-31', 1), {
      date: '2027-01-01',
      provisional: true,
      provisionalYears: [2027],
    });
    assert.equal(addWorkingDays(cal, '2027-03-10', 0).provisional, true);
    assert.equal(cal.dayInfo('2027-01-01').source, 'weekday-rule');
  });

  it('stops flagging once an admin confirms the year, and skips override holidays', () => {
    const confirmed = buildCalendar({
      confirmedYears: [2027],
      overrides: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    assert.equal(confirmed.isYearOfficial(2027), true);
    assert.deepEqual(addWorkingDays(confirmed, '2026-12-31', 1), {
      date: '2027-01-04',
      provisional: false,
      provisionalYears: [],
    });
    assert.deepEqual(confirmed.dayInfo('2027-01-01'), {
      day: '2027-01-01',
      working: false,
      kind: 'holiday',
      name: '元旦',
      source: 'override',
      provisional: false,
    });
  });

  it('applies overrides in an unconfirmed year but keeps the flag', () => {
    const draft = buildCalendar({ overrides: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    assert.deepEqual(addWorkingDays(draft, '2026-12-31', 1), {
      date: '2027-01-04',
      provisional: true,
      provisionalYears: [2027],
    });
  });

  it('lets overrides win over the package', () => {
    const amended = buildCalendar({
      overrides: [
        { day: '2025-10-08', kind: 'workday', name: '临时调整' },
        { day: '2025-10-11', kind: 'holiday', name: '临时调整' },
      ],
    });
    assert.equal(amended.dayInfo('2025-10-08').kind, 'workday');
    assert.equal(amended.dayInfo('2025-10-11').kind, 'holiday');
    assert.equal(addWorkingDays(amended, '2025-09-30', 1).date, '2025-10-08');
    assert.equal(addWorkingDays(amended, '2025-10-10', 1).date, '2025-10-13');
  });
});

describe('properties', () => {
  // 2003–2028 spans unofficial years on both sides of the packaged range.
  const day = fc.integer({ min: 0, max: 26 * 365 }).map(isoDay);
  const count = fc.integer({ min: 0, max: 400 });

  it('is monotonic in n', () => {
    fc.assert(
      fc.property(day, count, count, (from, a, b) => {
        const [n1, n2] = a <= b ? [a, b] : [b, a];
        assert.ok(addWorkingDays(cal, from, n1).date <= addWorkingDays(cal, from, n2).date);
      }),
    );
  });

  it('is monotonic in the start day', () => {
    fc.assert(
      fc.property(day, day, count, (a, b, n) => {
        const [from1, from2] = a <= b ? [a, b] : [b, a];
        assert.ok(addWorkingDays(cal, from1, n).date <= addWorkingDays(cal, from2, n).date);
      }),
    );
  });

  it('lands on a working day after the start, and workingDaysBetween inverts it', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: MAX_WORKING_DAYS }), (from, n) => {
        const { date } = addWorkingDays(cal, from, n);
        assert.ok(date > from);
        assert.equal(cal.isWorkingDay(date), true);
        assert.equal(workingDaysBetween(cal, from, date), n);
        assert.equal(workingDaysBetween(cal, date, from), -n);
      }),
      { numRuns: 200 },
    );
  });

  it('n = 0 gives the first working day on or after the start', () => {
    fc.assert(
      fc.property(day, (from) => {
        const { date } = addWorkingDays(cal, from, 0);
        assert.equal(date === from, cal.isWorkingDay(from));
        assert.equal(workingDaysBetween(cal, from, date), date === from ? 0 : 1);
      }),
    );
  });

  it('a calendar without the fast path agrees, and isWorkingDay matches dayInfo', () => {
    const plain: WorkingDayCalendar = {
      isWorkingDay: (d) => cal.isWorkingDay(d),
      isYearOfficial: (y) => cal.isYearOfficial(y),
      dayInfo: (d) => cal.dayInfo(d),
    };
    fc.assert(
      fc.property(day, count, (from, n) => {
        assert.deepEqual(addWorkingDays(plain, from, n), addWorkingDays(cal, from, n));
        assert.equal(cal.isWorkingDay(from), cal.dayInfo(from).working);
      }),
    );
  });

  it('isIsoDate accepts every real date', () => {
    const date = fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, (d) => {
        const s = d.toISOString().slice(0, 10);
        assert.ok(isIsoDate(s), s);
        assert.equal(workingDaysBetween(cal, s, s), 0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('invalid input', () => {
  it('isIsoDate is strict', () => {
    for (const s of ['2024-02-29', '2000-02-29', '0000-01-01', '9999-12-31']) assert.equal(isIsoDate(s), true, s);
    const bad = ['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', ''];
    bad.push(' 2025-01-01', '2025-01-01T00:00', '2025/01/01', '20250101', '+02025-01-01');
    for (const s of bad) assert.equal(isIsoDate(s), false, s);
  });

  it('rejects bad counts and dates with a RangeError', () => {
    for (const n of [-1, 1.5, 3651, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => addWorkingDays(cal, '2025-01-02', n), RangeError, String(n));
    }
    for (const s of ['2025-02-29', '2025-2-1', '', 'tomorrow']) {
      assert.throws(() => addWorkingDays(cal, s, 1), RangeError, s);
      assert.throws(() => workingDaysBetween(cal, s, '2025-01-02'), RangeError, s);
      assert.throws(() => workingDaysBetween(cal, '2025-01-02', s), RangeError, s);
      assert.throws(() => cal.dayInfo(s), RangeError, s);
      assert.throws(() => cal.isWorkingDay(s), RangeError, s);
    }
    assert.throws(() => addWorkingDays(cal, '9999-12-30', 5), RangeError);
  });

  it('rejects bad overrides and confirmed years', () => {
    assert.throws(() => buildCalendar({ overrides: [{ day: '2027-02-30', kind: 'holiday', name: 'x' }] }), RangeError);
    const badKind = { day: '2027-02-01', kind: 'rest', name: 'x' } as unknown as CalendarOverride;
    assert.throws(() => buildCalendar({ overrides: [badKind] }), RangeError);
    assert.throws(() => buildCalendar({ confirmedYears: [2027.5] }), RangeError);
  });
});
