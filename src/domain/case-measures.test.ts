import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  extendedDueOn,
  extensionRefusal,
  measureDaysLeft,
  measureDueOn,
  measureOverdue,
  measureTransitions,
} from './case-measures.ts';
import { buildCalendar, packagedCalendar } from './working-days.ts';

describe('case measures: 先行登记保存 7 working days, 查封扣押 30 + 30 calendar days', () => {
  it('先行登记保存 over National Day 2026 (10-01..10-07 off, Sat 10-10 a make-up workday)', () => {
    // 09-30 (1), holidays, 10-08 (2), 10-09 (3), Sat 10-10 make-up (4), 10-12 (5), 10-13 (6), 10-14 (7).
    assert.deepEqual(measureDueOn(packagedCalendar, 'preservation', '2026-09-29'), {
      dueOn: '2026-10-14',
      provisional: false,
    });
    // Started on the last day before the holiday: the holiday week counts for nothing.
    assert.equal(measureDueOn(packagedCalendar, 'preservation', '2026-09-30').dueOn, '2026-10-15');
  });

  it('follows an administrator’s override (10-08 declared a holiday as well)', () => {
    const cal = buildCalendar({ overrides: [{ day: '2026-10-08', kind: 'holiday', name: '国庆节' }] });
    assert.equal(measureDueOn(cal, 'preservation', '2026-09-29').dueOn, '2026-10-15');
  });

  it('查封扣押: 30 calendar days, not moved past a holiday; one extension of 30', () => {
    const m = { kind: 'seizure' as const, startedOn: '2026-09-01', dueOn: '', extended: false, endedOn: null };
    m.dueOn = measureDueOn(packagedCalendar, 'seizure', m.startedOn).dueOn;
    assert.equal(m.dueOn, '2026-10-01', 'the 30th day is National Day and stays the limit');
    assert.equal(extensionRefusal(m), null);
    assert.equal(extendedDueOn(m), '2026-10-31');
    assert.match(extensionRefusal({ ...m, extended: true })!.message, /只能延长一次/);
    assert.equal(extensionRefusal({ ...m, kind: 'preservation' })!.field, 'kind');
  });

  it('flags a measure still in force after its due day', () => {
    const m = { dueOn: '2026-10-14', endedOn: null };
    assert.equal(measureOverdue(m, '2026-10-14'), false);
    assert.equal(measureOverdue(m, '2026-10-15'), true);
    assert.equal(measureDaysLeft(m, '2026-10-10'), 4);
    assert.equal(measureOverdue({ dueOn: '2026-10-14', endedOn: '2026-10-14' }, '2026-12-01'), false);
    assert.equal(measureOverdue({ dueOn: '2026-10-14', endedOn: '2026-10-15' }, '2026-12-01'), true);
    assert.equal(measureDaysLeft({ dueOn: '2026-10-14', endedOn: '2026-10-15' }, '2026-12-01'), null);
  });

  it('has one transition table: take, extend (reason), release (outcome)', () => {
    assert.deepEqual(measureTransitions.extend.requires, ['reason']);
    assert.deepEqual(measureTransitions.release.from, ['active']);
  });
});
