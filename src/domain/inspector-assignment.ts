import { DrawStream } from './spot-check-draw.ts';

export interface VisitNeed {
  entityId: number;
  stationId: number;
  /** Departments whose check items are on this visit (a joint 1+N visit needs each of them). */
  departments: readonly string[];
}
export interface PoolInspector {
  id: number;
  department: string;
  stationId: number | null;
}
export interface AssignmentOptions {
  perEntity: number;
  /** 回避: no inspector from the entity's own station. */
  avoidOwnStation: boolean;
  /** Declared conflicts "inspectorId:entityId". */
  conflicts: ReadonlySet<string>;
}
export type AssignmentResult =
  | { ok: true; assignments: Map<number, number[]>; loads: Map<number, number> }
  | { ok: false; entityId: number; reason: string };

/** Min-heap of inspectors by (load, tie-break, id): the lightest eligible is found without scanning everyone. */
interface Slot {
  inspector: PoolInspector;
  load: number;
  tie: number;
}
const less = (a: Slot, b: Slot) =>
  a.load !== b.load ? a.load < b.load : a.tie !== b.tie ? a.tie < b.tie : a.inspector.id < b.inspector.id;

class LoadHeap {
  readonly items: Slot[] = [];
  push(x: Slot) {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!less(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Slot | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && less(a[l]!, a[m]!)) m = l;
        if (r < a.length && less(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

/** No eligible inspector left for a visit: which entity, and why (the draw shows the reason). */
export class AssignmentShortfall extends Error {
  constructor(
    readonly entityId: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Greedy balanced assignment: for each visit (ids ascending) take, per needed department, the eligible
 * inspector with the lightest load so far, then top up to `perEntity` from the visit's departments; ties are
 * broken by the draw's own stream (then by id), so the assignment is as reproducible as the draw. Loads change
 * only between visits, so one heap per department answers "lightest eligible" in O(log n) per pick.
 *
 * Lazy: each visit's inspectors are yielded as they are chosen, so the draw streams them into its COPY while the
 * database writes the earlier ones. Throws AssignmentShortfall at the first visit that cannot be staffed; returns
 * the loads.
 */
export function* assignEach(
  seedHex: string,
  visits: readonly VisitNeed[],
  inspectors: readonly PoolInspector[],
  opts: AssignmentOptions,
): Generator<{ entityId: number; stationId: number; inspectorIds: number[] }, Map<number, number>> {
  const stream = new DrawStream(seedHex, 'inspectors');
  // Mutable per-inspector state the heap compares directly (no map look-ups in the hot loop).
  const slots: Slot[] = inspectors.map((inspector) => ({ inspector, load: 0, tie: stream.below(2 ** 32) }));
  const heaps = new Map<string, LoadHeap>();
  for (const slot of slots) {
    const dept = slot.inspector.department;
    if (!heaps.has(dept)) heaps.set(dept, new LoadHeap());
    heaps.get(dept)!.push(slot);
  }
  // The helpers are made once, not per visit (a closure per visit cost more than the heap work at 500 k visits).
  let visit: VisitNeed;
  let taken: Slot[] = [];
  const skipped: Slot[] = [];
  const eligible = ({ inspector: i }: Slot) =>
    !(opts.avoidOwnStation && i.stationId === visit.stationId) &&
    (opts.conflicts.size === 0 || !opts.conflicts.has(`${i.id}:${visit.entityId}`));
  // Sets aside ineligible inspectors at the top of a department's heap; returns the eligible top, if any.
  const top = (dept: string) => {
    const heap = heaps.get(dept);
    if (!heap) return undefined;
    while (heap.items.length && !eligible(heap.items[0]!)) skipped.push(heap.pop()!);
    return heap.items[0];
  };
  const putBack = (x: Slot) => heaps.get(x.inspector.department)!.push(x);

  for (visit of [...visits].sort((a, b) => a.entityId - b.entityId)) {
    taken = [];
    skipped.length = 0;
    for (const dept of visit.departments) {
      if (!top(dept)) throw new AssignmentShortfall(visit.entityId, `没有可派的${dept}检查人员（已回避后不足）`);
      taken.push(heaps.get(dept)!.pop()!);
    }
    while (taken.length < opts.perEntity) {
      let best: Slot | undefined;
      for (const dept of visit.departments) {
        const c = top(dept);
        if (c && (!best || less(c, best))) best = c;
      }
      if (!best) throw new AssignmentShortfall(visit.entityId, `可派检查人员不足${opts.perEntity}人（已回避后）`);
      taken.push(heaps.get(best.inspector.department)!.pop()!);
    }
    for (const slot of skipped) putBack(slot);
    for (const slot of taken) {
      slot.load++;
      putBack(slot);
    }
    yield { entityId: visit.entityId, stationId: visit.stationId, inspectorIds: taken.map((t) => t.inspector.id) };
  }
  return new Map(slots.map((s) => [s.inspector.id, s.load]));
}

/** assignEach run to the end: every visit's inspectors and the loads, or the first visit that fails. */
export function assignInspectors(
  seedHex: string,
  visits: readonly VisitNeed[],
  inspectors: readonly PoolInspector[],
  opts: AssignmentOptions,
): AssignmentResult {
  const assignments = new Map<number, number[]>();
  const each = assignEach(seedHex, visits, inspectors, opts);
  try {
    for (let r = each.next(); ; r = each.next()) {
      if (r.done) return { ok: true, assignments, loads: r.value };
      assignments.set(r.value.entityId, r.value.inspectorIds);
    }
  } catch (e) {
    if (e instanceof AssignmentShortfall) return { ok: false, entityId: e.entityId, reason: e.reason };
    throw e;
  }
}
