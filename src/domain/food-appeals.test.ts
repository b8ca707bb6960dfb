import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  hashAccessCode,
  looksLikeAccessCode,
  newAccessCode,
  normalizeAccessCode,
} from '../modules/food-appeals/services/access-code.ts';
import { appealDeadline } from './food-appeal-deadline.ts';
import { addMonths } from './food-appeals.ts';
import { packagedCalendar } from './working-days.ts';

test('the appeal period: 14 calendar days, run on to the next working day when it ends on a rest day', () => {
  // 2026-03-02 (Mon) + 14 = 2026-03-16 (Mon, a working day).
  assert.equal(appealDeadline(packagedCalendar, '2026-03-02', 14), '2026-03-16');
  // 2026-03-07 (Sat) + 14 = 2026-03-21 (Sat) → Mon 2026-03-23.
  assert.equal(appealDeadline(packagedCalendar, '2026-03-07', 14), '2026-03-23');
  // 2026-09-17 + 14 = 2026-10-01 (National Day holiday) → the first working day after it.
  assert.equal(appealDeadline(packagedCalendar, '2026-09-17', 14), '2026-10-08');
});

test('months are added to the same day, clamped at a short month’s end', () => {
  assert.equal(addMonths('2026-01-15', 3), '2026-04-15');
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(addMonths('2026-10-31', 3), '2027-01-31');
});

test('access codes: 12 symbols, read forgivingly, hashed the same however typed', () => {
  const code = newAccessCode();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  assert.ok(looksLikeAccessCode(code));
  assert.equal(normalizeAccessCode(' sj0o-i1l0 '), 'SJ001110');
  assert.equal(hashAccessCode(code.toLowerCase().replaceAll('-', ' ')), hashAccessCode(code));
  assert.notEqual(hashAccessCode('SJ00-0000-0001'), hashAccessCode('SJ00-0000-0002'));
  assert.ok(!looksLikeAccessCode('SJ00-0000-001'));
  assert.ok(!looksLikeAccessCode('SJ00-0000-000U'));
});
