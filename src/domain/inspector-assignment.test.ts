import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assignInspectors, type PoolInspector, type VisitNeed } from './inspector-assignment.ts';
import { DrawStream } from './spot-check-draw.ts';

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

/** The straightforward scan the heap version replaced: the lightest eligible by (load, tie-break, id). */
function scanAssign(seedHex: string, vs: readonly VisitNeed[], pool: readonly PoolInspector[], o: typeof opts) {
  const stream = new DrawStream(seedHex, 'inspectors');
  const loads = new Map(pool.map((i) => [i.id, 0]));
  const tie = new Map(pool.map((i) => [i.id, stream.below(2 ** 32)]));
  const key = (i: PoolInspector) => [loads.get(i.id)!, tie.get(i.id)!, i.id];
  const less = (a: PoolInspector, b: PoolInspector) => {
    const [x, y] = [key(a), key(b)];
    return x[0]! !== y[0]! ? x[0]! < y[0]! : x[1]! !== y[1]! ? x[1]! < y[1]! : x[2]! < y[2]!;
  };
  const out = new Map<number, number[]>();
  for (const v of [...vs].sort((a, b) => a.entityId - b.entityId)) {
    const taken: number[] = [];
    const ok = (i: PoolInspector) =>
      !taken.includes(i.id) &&
      !o.conflicts.has(`${i.id}:${v.entityId}`) &&
      !(o.avoidOwnStation && i.stationId === v.stationId);
    const lightest = (c: readonly PoolInspector[]) =>
      c.filter(ok).reduce<PoolInspector | undefined>((b, i) => (!b || less(i, b) ? i : b), undefined);
    for (const d of v.departments) {
      const p = lightest(pool.filter((i) => i.department === d));
      if (!p) return undefined;
      taken.push(p.id);
    }
    while (taken.length < o.perEntity) {
      const p = lightest(pool.filter((i) => v.departments.includes(i.department)));
      if (!p) return undefined;
      taken.push(p.id);
    }
    for (const id of taken) loads.set(id, loads.get(id)! + 1);
    out.set(v.entityId, taken);
  }
  return out;
}

test('the heap gives exactly what a full scan gives, on random pools, conflicts and station rules', () => {
  const rng = new DrawStream('17'.repeat(32), 'test');
  for (let round = 0; round < 40; round++) {
    const pool: PoolInspector[] = Array.from({ length: 3 + rng.below(25) }, (_, i) => ({
      id: i + 1,
      department: ['a', 'b', 'c'][rng.below(3)]!,
      stationId: rng.below(4) ? 1 + rng.below(4) : null,
    }));
    const vs: VisitNeed[] = Array.from({ length: 1 + rng.below(60) }, (_, i) => ({
      entityId: 1000 + i,
      stationId: 1 + rng.below(4),
      departments: rng.below(2) ? ['a'] : ['a', 'b'],
    }));
    const conflicts = new Set(
      Array.from({ length: rng.below(20) }, () => `${1 + rng.below(28)}:${1000 + rng.below(60)}`),
    );
    const o = { perEntity: 2 + rng.below(2), avoidOwnStation: rng.below(2) === 1, conflicts };
    const heap = assignInspectors(seed, vs, pool, o);
    const scan = scanAssign(seed, vs, pool, o);
    assert.equal(heap.ok, scan !== undefined, `round ${round}`);
    if (heap.ok && scan) assert.deepEqual([...heap.assignments], [...scan], `round ${round}`);
  }
});
