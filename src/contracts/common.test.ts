import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isCalendarDay, ZIsoDate } from './common.ts';

/** What ZIsoDate's refine was before isCalendarDay: a Date round trip. */
const roundTrips = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('isCalendarDay', () => {
  test('answers as the Date round trip for every day, month and year edge', () => {
    for (const y of [0, 1, 4, 99, 100, 400, 1000, 1582, 1899, 1900, 1904, 2000, 2023, 2024, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          assert.equal(isCalendarDay(s), roundTrips(s), s);
        }
      }
    }
    for (const s of ['', '2024-1-1', '2024/01/01', '20240101', 'x', ' 2024-02-29', '2024-02-29T']) {
      assert.equal(isCalendarDay(s), roundTrips(s), JSON.stringify(s));
    }
  });

  test('ZIsoDate: the shape, then the day', () => {
    assert.equal(ZIsoDate.safeParse('2024-02-29').success, true);
    assert.equal(ZIsoDate.safeParse('2023-02-29').success, false);
    assert.equal(ZIsoDate.safeParse('2024-2-29').success, false);
  });
});
