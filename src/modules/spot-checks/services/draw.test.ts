import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frozenStations, parsePoolEntries } from './draw.ts';

test('parsePoolEntries: ids per class ascending, and every id in pool order', () => {
  const all: number[] = [];
  const byClass = parsePoolEntries('3,A\n7,B\n12,A\n40,D\n', all);
  assert.deepEqual(byClass, { A: [3, 12], B: [7], C: [], D: [40] });
  assert.deepEqual(all, [3, 7, 12, 40]);
  assert.throws(() => parsePoolEntries('7,A\n3,B\n'), /out of order/);
});

test('frozenStations pairs each selected id with the station frozen at its pool position', () => {
  const poolIds = [3, 7, 12, 40, 41];
  const stations = '101,102,1003,104,5';
  assert.deepEqual(frozenStations([7, 40, 41], poolIds, stations), [
    { id: 7, stationId: 102 },
    { id: 40, stationId: 104 },
    { id: 41, stationId: 5 },
  ]);
  assert.deepEqual(frozenStations([3, 12], poolIds, stations), [
    { id: 3, stationId: 101 },
    { id: 12, stationId: 1003 },
  ]);
  assert.deepEqual(frozenStations([], poolIds, stations), []);
  assert.throws(() => frozenStations([8], poolIds, stations), /not in the frozen pool/);
});
