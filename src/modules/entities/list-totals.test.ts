import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXACT_TOTAL_LIMIT, totalBeyondCap, walkedEstimate } from './list.ts';

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

test('a walked search is estimated by its density, never above the rarest bigram’s bound nor below its page', () => {
  // 陈记烧腊 at 20 M: the 21st match 48,722 rows down; 8,400 match; the rarest bigram says 52,000.
  assert.equal(walkedEstimate({ found: 21, rowsRead: 48_722, scopeRows: 20_000_000, upper: 52_000 }), 8_620);
  // A dense batch among the newest rows is held to the bound.
  assert.equal(walkedEstimate({ found: 21, rowsRead: 21, scopeRows: 20_000_000, upper: 52_000 }), 52_000);
  assert.equal(walkedEstimate({ found: 21, rowsRead: 10_000_000, scopeRows: 1_000, upper: 52_000 }), 21);
});
