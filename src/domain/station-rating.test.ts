import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checklistMaxScore, ratingActions, standardTotals, starsFor } from './station-rating.ts';

const bands = [
  { stars: 1, minScore: 60 },
  { stars: 2, minScore: 70 },
  { stars: 3, minScore: 80 },
  { stars: 4, minScore: 88 },
  { stars: 5, minScore: 95 },
];

test('stars: the highest band reached, 0 below the lowest, band edges inclusive', () => {
  assert.equal(starsFor(59, bands), 0);
  assert.equal(starsFor(60, bands), 1);
  assert.equal(starsFor(87, bands), 3);
  assert.equal(starsFor(88, bands), 4);
  assert.equal(starsFor(100, bands), 5);
  assert.equal(starsFor(100, []), 0);
});

test('standard totals and the maximum follow the checklist', () => {
  const standards = [
    {
      code: 'a',
      name: '有场所',
      items: [
        { code: 'a.1', name: 'x', maxPoints: 8 },
        { code: 'a.2', name: 'y', maxPoints: 2 },
      ],
    },
    { code: 'b', name: '有人员', items: [{ code: 'b.1', name: 'z', maxPoints: 5 }] },
  ];
  assert.equal(checklistMaxScore(standards), 15);
  assert.deepEqual(
    standardTotals(
      standards,
      new Map([
        ['a.1', 6],
        ['b.1', 5],
      ]),
    ).map((s) => [s.code, s.score, s.maxPoints]),
    [
      ['a', 6, 10],
      ['b', 5, 5],
    ],
  );
});

test('actions: the station submits, the district returns or approves', () => {
  assert.deepEqual(ratingActions('draft', { write: true, review: false }), ['submit']);
  assert.deepEqual(ratingActions('submitted', { write: true, review: false }), []);
  assert.deepEqual(ratingActions('submitted', { write: false, review: true }), ['return', 'approve']);
  assert.deepEqual(ratingActions('approved', { write: true, review: true }), []);
});
