import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysUntil, dueDate, shanghaiToday } from './deadlines.ts';
import { packagedCalendar } from './working-days.ts';

test('working-day periods skip holidays and count make-up days', () => {
  assert.deepEqual(dueDate(packagedCalendar, '2025-09-26', { days: 7, unit: 'workingDays' }), {
    dueOn: '2025-10-13',
    provisional: false,
  });
});

test('a calendar-day period ending on a holiday moves to the next working day', () => {
  // 60 days from 2025-08-02 is 2025-10-01 (National Day) → the first working day after the holiday, 2025-10-09.
  assert.equal(dueDate(packagedCalendar, '2025-08-02', { days: 60, unit: 'calendarDays' }).dueOn, '2025-10-09');
  // Ending on an ordinary Tuesday it stays.
  assert.equal(dueDate(packagedCalendar, '2025-03-04', { days: 7, unit: 'calendarDays' }).dueOn, '2025-03-11');
});

test('a period ending in a year without official data is provisional', () => {
  assert.equal(dueDate(packagedCalendar, '2026-12-20', { days: 30, unit: 'calendarDays' }).provisional, true);
});

test('helpers: days until due and the Shanghai date', () => {
  assert.equal(daysUntil('2025-10-10', '2025-10-13'), 3);
  assert.equal(daysUntil('2025-10-14', '2025-10-13'), -1);
  assert.equal(shanghaiToday(new Date('2025-12-31T16:30:00Z')), '2026-01-01');
});
