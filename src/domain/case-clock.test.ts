import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addDays,
  clockFromStored,
  daysBetween,
  decisionClock,
  excludedDays,
  hearingNoticeInTime,
  legalReviewDueOn,
  servedLate,
  statementDueOn,
  storedDecisionDueOn,
  summaryFilingState,
} from './case-clock.ts';
import { packagedCalendar } from './working-days.ts';

describe('decision clock', () => {
  test('90 calendar days from 立案', () => {
    const c = decisionClock({ filedOn: '2026-01-05', extraDays: 0, pauses: [], today: '2026-01-05' });
    assert.deepEqual(c, { dueOn: '2026-04-05', daysLeft: 90, paused: false, overdue: false, excludedDays: 0 });
  });

  test('extension +30, a collective decision adds its days', () => {
    assert.equal(
      decisionClock({ filedOn: '2026-01-05', extraDays: 30, pauses: [], today: '2026-01-05' }).dueOn,
      '2026-05-05',
    );
    assert.equal(
      decisionClock({ filedOn: '2026-01-05', extraDays: 60, pauses: [], today: '2026-01-05' }).dueOn,
      '2026-06-04',
    );
  });

  test('a closed pause moves the due date by its length; an open one counts up to today', () => {
    const pauses = [{ reason: 'testing', startedOn: '2026-01-10', endedOn: '2026-01-20' }];
    const c = decisionClock({ filedOn: '2026-01-05', extraDays: 0, pauses, today: '2026-02-01' });
    assert.equal(c.dueOn, '2026-04-15');
    const open = [...pauses, { reason: 'suspension', startedOn: '2026-03-01', endedOn: null }];
    const c2 = decisionClock({ filedOn: '2026-01-05', extraDays: 0, pauses: open, today: '2026-03-06' });
    assert.equal(c2.dueOn, '2026-04-20');
    assert.equal(c2.paused, true);
  });

  test('expired: overdue with negative days left', () => {
    const c = decisionClock({ filedOn: '2026-01-05', extraDays: 0, pauses: [], today: '2026-04-06' });
    assert.equal(c.overdue, true);
    assert.equal(c.daysLeft, -1);
  });

  test('overlapping pause records never count a day twice', () => {
    const pauses = [
      { reason: 'testing', startedOn: '2026-01-10', endedOn: '2026-01-20' },
      { reason: 'hearing', startedOn: '2026-01-15', endedOn: '2026-01-25' },
    ];
    assert.equal(excludedDays(pauses, '2026-03-01'), 15);
  });

  test('property: the due date never moves earlier as pauses are added, and by at most their total length', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));
    const pause = fc
      .tuple(day, fc.integer({ min: 0, max: 60 }), fc.boolean())
      .map(([s, len, open]) => ({ reason: 'testing', startedOn: s, endedOn: open ? null : addDays(s, len) }));
    fc.assert(
      fc.property(fc.array(pause, { maxLength: 5 }), pause, day, (pauses, extra, today) => {
        const base = decisionClock({ filedOn: '2026-01-01', extraDays: 0, pauses, today });
        const more = decisionClock({ filedOn: '2026-01-01', extraDays: 0, pauses: [...pauses, extra], today });
        const grow = daysBetween(base.dueOn, more.dueOn);
        const span = daysBetween(extra.startedOn, extra.endedOn ?? today);
        return grow >= 0 && grow <= Math.max(0, span);
      }),
    );
  });

  test('property: stored due date plus the open pause equals the full computation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 30 })), { maxLength: 4 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        fc.integer({ min: 0, max: 90 }),
        (gaps, openLen, extraDays) => {
          // Sequential pauses, as the service records them (at most one open at a time).
          let cursor = '2026-01-01';
          const pauses: { reason: string; startedOn: string; endedOn: string | null }[] = [];
          for (const [gap, len] of gaps) {
            const s = addDays(cursor, gap);
            pauses.push({ reason: 'testing', startedOn: s, endedOn: addDays(s, len) });
            cursor = addDays(s, len);
          }
          const openStart = openLen === null ? null : addDays(cursor, 1);
          const today = addDays(cursor, 1 + (openLen ?? 0));
          if (openStart) pauses.push({ reason: 'suspension', startedOn: openStart, endedOn: null });
          const full = decisionClock({ filedOn: '2026-01-01', extraDays, pauses, today });
          const stored = storedDecisionDueOn('2026-01-01', extraDays, pauses);
          return clockFromStored(stored, openStart, today).dueOn === full.dueOn;
        },
      ),
    );
  });
});

describe('other clocks', () => {
  test('legal review: 10 working days; statement: 5 working days (the 2026 National Day week skipped)', () => {
    assert.equal(legalReviewDueOn(packagedCalendar, '2026-09-28'), '2026-10-16');
    assert.equal(statementDueOn(packagedCalendar, '2026-09-29'), '2026-10-12');
  });
  test('hearing notice at least 7 days ahead; service within 7 days', () => {
    assert.equal(hearingNoticeInTime('2026-03-01', '2026-03-08'), true);
    assert.equal(hearingNoticeInTime('2026-03-01', '2026-03-07'), false);
    assert.equal(servedLate('2026-03-01', '2026-03-08'), false);
    assert.equal(servedLate('2026-03-01', '2026-03-09'), true);
  });
});

describe('简易程序备案 state', () => {
  test('none without a due day; overdue while unrecorded past it; late when recorded after it', () => {
    assert.equal(summaryFilingState(null, null, '2026-12-03'), null);
    assert.deepEqual(summaryFilingState('2026-12-03', null, '2026-12-03'), {
      dueOn: '2026-12-03',
      filedOn: null,
      daysLeft: 0,
      overdue: false,
      late: false,
    });
    assert.equal(summaryFilingState('2026-12-02', null, '2026-12-03')?.overdue, true);
    const late = summaryFilingState('2026-12-02', '2026-12-03', '2026-12-05');
    assert.deepEqual([late?.overdue, late?.late, late?.daysLeft], [false, true, -3]);
    assert.equal(summaryFilingState('2026-12-02', '2026-12-02', '2026-12-05')?.late, false);
  });
});
