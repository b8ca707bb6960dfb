import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicAnnualReports } from './public-credit.ts';

const years = (rows: { reportYear: number; status: string }[]) => rows.map((r) => `${r.reportYear}:${r.status}`);
const active = { establishedOn: '2015-03-01', status: 'active' };

test('closed years are filed or not filed; the current year shows once its window opens', () => {
  const filed = [{ reportYear: 2024, filedOn: '2025-04-01' }];
  // 3 Dec 2026: the 2025 window closed on 30 June; 2026's opens on 1 January.
  assert.deepEqual(years(publicAnnualReports('2026-12-03', active, filed, 2020)), [
    '2025:notFiled',
    '2024:filed',
    '2023:notFiled',
    '2022:notFiled',
    '2021:notFiled',
  ]);
  // 10 March 2027: the 2026 window is open.
  assert.deepEqual(years(publicAnnualReports('2027-03-10', active, filed, 2020)).slice(0, 2), [
    '2026:open',
    '2025:notFiled',
  ]);
});

test('no claim of a missed report the registry could not know of', () => {
  const filed = [{ reportYear: 2025, filedOn: '2026-05-01' }];
  // Filings were loaded from 2024 on: older years are unknown, not missed.
  assert.deepEqual(years(publicAnnualReports('2026-12-03', active, filed, 2024)), ['2025:filed', '2024:notFiled']);
  // No filings in the registry at all: nothing is claimed.
  assert.deepEqual(years(publicAnnualReports('2026-12-03', active, [], null)), []);
  // Registered this year: owes nothing yet.
  assert.deepEqual(years(publicAnnualReports('2026-12-03', { ...active, establishedOn: '2026-02-01' }, [], 2020)), []);
  // Deregistered: when it ceased is not known here, so only its filings show.
  const gone = { ...active, status: 'deregistered' };
  assert.deepEqual(years(publicAnnualReports('2026-12-03', gone, filed, 2020)), ['2025:filed']);
});
