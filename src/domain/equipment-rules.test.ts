import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addMonths,
  codeFitsCategory,
  type IntervalRow,
  inspectionStateOn,
  nextDueAfter,
  pickInterval,
} from './equipment-rules.ts';

const rows: IntervalRow[] = [
  { categoryCode: '3000', inspectionKind: 'periodic', conditionKind: 'none', conditionValue: '', intervalMonths: 12 },
  { categoryCode: '4000', inspectionKind: 'periodic', conditionKind: 'none', conditionValue: '', intervalMonths: 24 },
  { categoryCode: '4300', inspectionKind: 'periodic', conditionKind: 'none', conditionValue: '', intervalMonths: 12 },
  { categoryCode: '1000', inspectionKind: 'external', conditionKind: 'none', conditionValue: '', intervalMonths: 12 },
  { categoryCode: '1000', inspectionKind: 'internal', conditionKind: 'none', conditionValue: '', intervalMonths: 24 },
  {
    categoryCode: '2100',
    inspectionKind: 'periodic',
    conditionKind: 'safetyGrade',
    conditionValue: '3',
    intervalMonths: 36,
  },
  { categoryCode: '2000', inspectionKind: 'periodic', conditionKind: 'none', conditionValue: '', intervalMonths: 36 },
  {
    categoryCode: '2300',
    inspectionKind: 'periodic',
    conditionKind: 'gasClass',
    conditionValue: 'inert',
    intervalMonths: 60,
  },
  {
    categoryCode: '2300',
    inspectionKind: 'periodic',
    conditionKind: 'gasClass',
    conditionValue: 'corrosive',
    intervalMonths: 24,
  },
];
const s = (categoryCode: string, top: string, safetyGrade: number | null = null, gasClass: string | null = null) => ({
  categoryCode,
  topCategoryCode: top,
  safetyGrade,
  gasClass,
});

test('an equipment code must start with its category digit', () => {
  assert.equal(codeFitsCategory('31004406052020001', '3100'), true);
  assert.equal(codeFitsCategory('41004406052020001', '3100'), false);
  assert.equal(codeFitsCategory('x', '3100'), false);
});

test('intervals: sub-type wins, condition wins, boilers take the sooner kind', () => {
  assert.equal(pickInterval(rows, s('3100', '3000'), 'periodic')?.intervalMonths, 12);
  assert.equal(pickInterval(rows, s('4100', '4000'), 'periodic')?.intervalMonths, 24);
  assert.equal(pickInterval(rows, s('4300', '4000'), 'periodic')?.intervalMonths, 12);
  assert.equal(pickInterval(rows, s('2100', '2000', 3), 'periodic')?.intervalMonths, 36);
  assert.equal(pickInterval(rows, s('2300', '2000', null, 'inert'), 'periodic')?.intervalMonths, 60);
  assert.equal(pickInterval(rows, s('2300', '2000', null, 'corrosive'), 'periodic')?.intervalMonths, 24);
  assert.equal(nextDueAfter(rows, s('1100', '1000'), '2026-03-10'), '2027-03-10');
  assert.equal(nextDueAfter(rows, s('9100', '9000'), '2026-03-10'), undefined);
});

test('months and states', () => {
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(inspectionStateOn('2026-12-01', '2026-12-02'), 'overdue');
  assert.equal(inspectionStateOn('2027-01-02', '2026-12-02'), 'due');
  assert.equal(inspectionStateOn('2027-01-03', '2026-12-02'), 'normal');
  assert.equal(inspectionStateOn(null, '2026-12-02'), 'normal');
});
