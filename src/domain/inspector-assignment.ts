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

/**
 * Greedy balanced assignment: for each visit (ids ascending) take, per needed department, the eligible
 * inspector with the lightest load so far, then top up to `perEntity`; ties are broken by the draw's own
 * stream, so the assignment is as reproducible as the draw.
 */
export function assignInspectors(
  seedHex: string,
  visits: readonly VisitNeed[],
  inspectors: readonly PoolInspector[],
  opts: AssignmentOptions,
): AssignmentResult {
  const stream = new DrawStream(seedHex, 'inspectors');
  const loads = new Map(inspectors.map((i) => [i.id, 0]));
  const tieBreak = new Map(inspectors.map((i) => [i.id, stream.below(2 ** 32)]));
  const byDepartment = new Map<string, PoolInspector[]>();
  for (const i of inspectors) byDepartment.set(i.department, [...(byDepartment.get(i.department) ?? []), i]);
  const assignments = new Map<number, number[]>();

  for (const visit of [...visits].sort((a, b) => a.entityId - b.entityId)) {
    const eligible = (i: PoolInspector, taken: number[]) =>
      !taken.includes(i.id) &&
      !opts.conflicts.has(`${i.id}:${visit.entityId}`) &&
      !(opts.avoidOwnStation && i.stationId === visit.stationId);
    const lightest = (candidates: readonly PoolInspector[], taken: number[]) => {
      let best: PoolInspector | undefined;
      for (const c of candidates) {
        if (!eligible(c, taken)) continue;
        if (
          !best ||
          loads.get(c.id)! < loads.get(best.id)! ||
          (loads.get(c.id) === loads.get(best.id) && tieBreak.get(c.id)! < tieBreak.get(best.id)!)
        )
          best = c;
      }
      return best;
    };
    const taken: number[] = [];
    for (const dept of visit.departments) {
      const pick = lightest(byDepartment.get(dept) ?? [], taken);
      if (!pick) return { ok: false, entityId: visit.entityId, reason: `没有可派的${dept}检查人员（已回避后不足）` };
      taken.push(pick.id);
    }
    const pool = visit.departments.flatMap((d) => byDepartment.get(d) ?? []);
    while (taken.length < opts.perEntity) {
      const pick = lightest(pool, taken);
      if (!pick)
        return { ok: false, entityId: visit.entityId, reason: `可派检查人员不足${opts.perEntity}人（已回避后）` };
      taken.push(pick.id);
    }
    for (const id of taken) loads.set(id, loads.get(id)! + 1);
    assignments.set(visit.entityId, taken);
  }
  return { ok: true, assignments, loads };
}
