import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { leadClock } from './lead-clock.ts';
import { addWorkingDays, buildCalendar } from './working-days.ts';

const cal = buildCalendar();

describe('lead verification clock: 15 working days, pauses excluded, one extension', () => {
  test('15 working days across National Day 2026 (10-01..07 off, 10-10 a make-up workday)', () => {
    // From Wednesday 30 September: October 8, 9, 10 (Saturday, worked), 12–16, 19–23, 26, 27 → the 15th is 27 October.
    const c = leadClock(cal, { receivedOn: '2026-09-30', extended: false, pauses: [], today: '2026-09-30' });
    assert.equal(c.dueOn, '2026-10-27');
    assert.equal(c.dueOn, addWorkingDays(cal, '2026-09-30', 15).date);
    assert.equal(c.workingDaysLeft, 15);
    assert.equal(c.overdue, false);
    assert.equal(c.paused, false);
  });

  test('a closed pause of 3 working days moves the due date by 3 working days', () => {
    const base = leadClock(cal, { receivedOn: '2026-11-02', extended: false, pauses: [], today: '2026-11-02' });
    assert.equal(base.dueOn, '2026-11-23');
    // Paused Wednesday 4th, running again Monday 9th: 4, 5, 6 November are not counted.
    const paused = leadClock(cal, {
      receivedOn: '2026-11-02',
      extended: false,
      pauses: [{ startedOn: '2026-11-04', endedOn: '2026-11-09' }],
      today: '2026-11-10',
    });
    assert.equal(paused.dueOn, '2026-11-26');
    assert.equal(paused.workingDaysLeft, 15 - 3);
  });

  test('an open pause counts to today and the days left stand still', () => {
    const input = { receivedOn: '2026-11-02', extended: false, pauses: [{ startedOn: '2026-11-04', endedOn: null }] };
    const a = leadClock(cal, { ...input, today: '2026-11-05' });
    const b = leadClock(cal, { ...input, today: '2026-11-11' });
    assert.equal(a.paused, true);
    assert.equal(a.workingDaysLeft, 1 + 0 + 14 - 1);
    assert.equal(b.workingDaysLeft, a.workingDaysLeft);
    assert.ok(b.dueOn > a.dueOn);
  });

  test('the extension adds 15 working days; past due is overdue with negative days left', () => {
    const ext = leadClock(cal, { receivedOn: '2026-11-02', extended: true, pauses: [], today: '2026-11-02' });
    assert.equal(ext.dueOn, '2026-12-14');
    assert.equal(ext.periodWorkingDays, 30);
    const late = leadClock(cal, { receivedOn: '2026-11-02', extended: false, pauses: [], today: '2026-11-25' });
    assert.equal(late.overdue, true);
    assert.equal(late.workingDaysLeft, -2);
  });
});
