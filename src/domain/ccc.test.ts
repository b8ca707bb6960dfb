import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCccNumber } from './ccc.ts';
import { samplingRounds } from './product-sampling-workflow.ts';

test('3C numbers: 16 digits, year 2002..next year, body code not 00; the parts are read', () => {
  assert.deepEqual(checkCccNumber('2021010901123456', 2026), {
    ok: true,
    value: { year: 2021, bodyCode: '01', productCode: '0901', serial: '123456' },
  });
  for (const bad of [
    '202101090112345',
    '20210109011234567',
    '2021A10901123456',
    '2001010901123456',
    '2028010901123456',
    '2021000901123456',
  ])
    assert.equal(checkCccNumber(bad, 2026).ok, false, bad);
});

test('graded sampling rounds: quarterly, half-yearly, yearly, every two years (even years)', () => {
  assert.deepEqual(
    samplingRounds(2026, 3).map((r) => `${r.start}..${r.end}`),
    ['2026-01-01..2026-03-31', '2026-04-01..2026-06-30', '2026-07-01..2026-09-30', '2026-10-01..2026-12-31'],
  );
  assert.deepEqual(
    samplingRounds(2026, 6).map((r) => r.end),
    ['2026-06-30', '2026-12-31'],
  );
  assert.equal(samplingRounds(2026, 12).length, 1);
  assert.equal(samplingRounds(2026, 24).length, 1);
  assert.equal(samplingRounds(2027, 24).length, 0);
});
