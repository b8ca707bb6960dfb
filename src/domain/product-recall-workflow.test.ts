import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recallStatusLabels, recallTransitions, recoveredOverflow } from './product-recall-workflow.ts';
import { checkTransition } from './transition.ts';

test('a completed recall takes no progress report; only a recall in progress completes', () => {
  const closed = checkTransition(recallTransitions, 'report', 'completed', recallStatusLabels);
  assert.equal(closed.ok, false);
  assert.match(closed.ok ? '' : closed.reason, /已完成召回/);
  assert.equal(checkTransition(recallTransitions, 'report', 'planned', recallStatusLabels).ok, true);
  assert.equal(checkTransition(recallTransitions, 'complete', 'planned', recallStatusLabels).ok, false);
  assert.equal(checkTransition(recallTransitions, 'complete', 'inProgress', recallStatusLabels).ok, true);
});

test('the recovered total never exceeds the recalled quantity', () => {
  assert.equal(recoveredOverflow(100, 60, 40), null);
  assert.match(recoveredOverflow(100, 60, 41) ?? '', /最多可报告 40/);
});
