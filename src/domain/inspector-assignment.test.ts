import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignInspectors, type PoolInspector, type VisitNeed } from './inspector-assignment.ts';

const seed = '42'.repeat(32);
const inspectors: PoolInspector[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: i + 1, department: 'market', stationId: (i % 3) + 1 })),
  ...Array.from({ length: 3 }, (_, i) => ({ id: i + 11, department: 'food', stationId: i + 1 })),
];
const visits: VisitNeed[] = Array.from({ length: 30 }, (_, i) => ({
  entityId: 100 + i,
  stationId: (i % 3) + 1,
  departments: i % 2 ? ['market'] : ['market', 'food'],
}));
const opts = { perEntity: 2, avoidOwnStation: true, conflicts: new Set<string>() };

test('every visit gets at least two inspectors, one from each department on it, none from its own station', () => {
  const r = assignInspectors(seed, visits, inspectors, opts);
  if (!r.ok) throw new Error(r.reason);
  for (const v of visits) {
    const team: PoolInspector[] = r.assignments.get(v.entityId)!.map((id) => inspectors.find((i) => i.id === id)!);
    assert.ok(team.length >= 2);
    assert.equal(new Set(team.map((t) => t.id)).size, team.length);
    for (const d of v.departments)
      assert.ok(
        team.some((t) => t.department === d),
        `${v.entityId} lacks ${d}`,
      );
    assert.ok(team.every((t) => t.stationId !== v.stationId));
  }
});

test('workload is balanced within a department', () => {
  const r = assignInspectors(seed, visits, inspectors, opts);
  assert.ok(r.ok);
  const market = inspectors.filter((i) => i.department === 'market').map((i) => r.loads.get(i.id)!);
  assert.ok(Math.max(...market) - Math.min(...market) <= 2, market.join(','));
});

test('declared conflicts are honoured and the result is reproducible', () => {
  const conflicts = new Set(['1:100', '2:100', '3:100']);
  const a = assignInspectors(seed, visits, inspectors, { ...opts, conflicts });
  const b = assignInspectors(seed, visits, inspectors, { ...opts, conflicts });
  assert.ok(a.ok && b.ok);
  assert.ok(!a.assignments.get(100)!.some((id) => id <= 3));
  assert.deepEqual([...a.assignments], [...b.assignments]);
});

test('too few eligible inspectors is reported with the entity, not half-assigned', () => {
  const r = assignInspectors(seed, visits, inspectors.slice(0, 1), opts);
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.entityId === 100 && /不足|没有/.test(r.reason));
});
