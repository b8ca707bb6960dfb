import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addYears, caseLimitation } from './case-limitation.ts';

describe('limitation (行政处罚法 Art. 36)', () => {
  test('2 years from the act, 5 where safety is involved, from the end of a continuing act', () => {
    const base = { today: '2026-12-03', warningDays: 60 };
    assert.equal(caseLimitation({ ...base, actOn: '2025-06-01', involvesSafety: false }).expiresOn, '2027-06-01');
    assert.equal(caseLimitation({ ...base, actOn: '2025-06-01', involvesSafety: true }).expiresOn, '2030-06-01');
    const continuing = caseLimitation({
      ...base,
      actOn: '2023-01-10',
      actEndedOn: '2025-03-01',
      involvesSafety: false,
    });
    assert.equal(continuing.expiresOn, '2027-03-01');
    assert.equal(addYears('2024-02-29', 2), '2026-02-28');
  });

  test('warning within the configured days, expired after; discovery in time stops it', () => {
    const near = caseLimitation({ actOn: '2025-01-20', involvesSafety: false, today: '2026-12-03', warningDays: 60 });
    assert.equal(near.daysLeft, 48);
    assert.deepEqual([near.warning, near.expired], [true, false]);
    const gone = caseLimitation({ actOn: '2024-11-01', involvesSafety: false, today: '2026-12-03', warningDays: 60 });
    assert.deepEqual([gone.warning, gone.expired], [false, true]);
    const found = caseLimitation({
      actOn: '2024-11-01',
      involvesSafety: false,
      discoveredOn: '2026-10-01',
      today: '2026-12-03',
      warningDays: 60,
    });
    assert.equal(found.expired, false);
  });
});
