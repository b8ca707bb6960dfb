import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byUnit, dayLabels, monthLabels, screenWindow } from './provider.ts';

test('the window: month and year starts, 12 months back, 30 days, last year to the same day', () => {
  const w = screenWindow('2026-12-04');
  assert.deepEqual(w, {
    today: '2026-12-04',
    monthStart: '2026-12-01',
    yearStart: '2026-01-01',
    months12Start: '2026-01-01',
    days30Start: '2026-11-05',
    lastYearMonthStart: '2025-12-01',
    lastYearToday: '2025-12-04',
  });
  const jan = screenWindow('2027-01-15');
  assert.equal(jan.months12Start, '2026-02-01');
  assert.equal(jan.lastYearMonthStart, '2026-01-01');
  assert.equal(monthLabels(jan).at(0), '2026-02');
  assert.equal(monthLabels(jan).at(-1), '2027-01');
  assert.equal(dayLabels(jan).length, 30);
  assert.equal(dayLabels(jan).at(-1), '2027-01-15');
});

test('29 February compares with the last day of last February', () => {
  assert.equal(screenWindow('2028-02-29').lastYearToday, '2027-02-28');
});

test('rows per unit: the GROUPING SETS total (station null) is the district, unit 0, always present', () => {
  const rows = byUnit(
    [
      { unitId: 5, n: 2 },
      { unitId: null, n: 2 },
    ],
    'x',
    (rs) => rs[0]?.n ?? 0,
  );
  assert.deepEqual(
    rows.sort((a, b) => a.unitId - b.unitId),
    [
      { unitId: 0, key: 'x', value: 2 },
      { unitId: 5, key: 'x', value: 2 },
    ],
  );
  assert.deepEqual(
    byUnit([], 'x', (rs) => rs.length),
    [{ unitId: 0, key: 'x', value: 0 }],
  );
});
