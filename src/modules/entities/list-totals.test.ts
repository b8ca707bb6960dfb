import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXACT_TOTAL_LIMIT, totalBeyondCap } from './list.ts';

const counted = EXACT_TOTAL_LIMIT + 1;

test('past the cap, an estimate larger than the count is shown as 约 N', () => {
  assert.deepEqual(totalBeyondCap(counted, 16_760), { total: 16_760, totalIsEstimate: true, totalIsCapped: false });
});

test('past the cap, an estimate no larger than the count is not shown: only "more than the cap" is true', () => {
  // A 10-character USCC prefix: the planner estimated 1,000 where 16,760 rows match.
  const capped = { total: EXACT_TOTAL_LIMIT, totalIsEstimate: false, totalIsCapped: true };
  assert.deepEqual(totalBeyondCap(counted, 1_000), capped);
  assert.deepEqual(totalBeyondCap(counted, counted), capped);
});
