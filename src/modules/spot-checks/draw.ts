import type { Queryable } from '../../db/client.ts';
import { assignInspectors, type PoolInspector, type VisitNeed } from '../../domain/inspector-assignment.ts';
import { drawStratified, type Ratios, type RiskClass } from '../../domain/spot-check-draw.ts';
import { AppError } from '../../server/errors.ts';
import { conflictsFor, listInspectors } from './catalog-repo.ts';
import * as repo from './repo.ts';

/** Parses the frozen pool text ("id,class\n" sorted by id) into ascending id arrays per class, without splitting. */
export function parsePoolEntries(text: string): Record<RiskClass, number[]> {
  const out = { A: [], B: [], C: [], D: [] } as Record<RiskClass, number[]>;
  let id = 0;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) id = id * 10 + (c - 48);
    else if (c === 44) {
      // The pool hash is over ids ascending; a frozen pool out of order would not verify.
      if (id <= last) throw new Error(`frozen pool out of order at id ${id}`);
      out[text[i + 1] as RiskClass].push(id);
      last = id;
      id = 0;
      i += 2; // the class letter and the newline
    }
  }
  return out;
}

export interface DrawTask {
  taskId: number;
  planId: number;
  ratios: Ratios;
  perVisit: number;
  avoidOwnStation: boolean;
  departmentIds: number[];
}

const noInspectors = (reason: string) =>
  new AppError('VALIDATION', `可派检查人员不足：${reason}`, [{ path: 'inspectors', message: reason }]);

/**
 * The draw of a frozen task: recompute the selection from (seed, frozen pool, ratios), merge entities the plan
 * already visits, assign inspectors (≥ perVisit, 回避, balanced), and persist set-based. Runs in the caller's tx.
 */
export async function executeDraw(tx: Queryable, draw: repo.DrawRecord, task: DrawTask) {
  const sorted = parsePoolEntries(await repo.poolEntries(tx, draw.id));
  const selected = drawStratified(draw.seed, sorted, task.ratios);

  // One connection per transaction: these run one after another.
  const stations = await repo.entityStations(tx, selected);
  const existing = await repo.existingVisits(tx, task.planId, selected);
  const conflicts = await conflictsFor(tx, selected);
  const inspectorRows = await listInspectors(tx, { departmentIds: task.departmentIds });
  const inspectors: PoolInspector[] = inspectorRows.map((i) => ({
    id: i.id,
    department: String(i.departmentId),
    stationId: i.stationId,
  }));
  const departments = task.departmentIds.map(String);
  const merged = new Map(existing.map((v) => [v.entityId, v]));
  const fresh: VisitNeed[] = [];
  const joining: VisitNeed[] = [];
  for (const s of stations) {
    const visit = merged.get(s.id);
    if (!visit) fresh.push({ entityId: s.id, stationId: s.stationId, departments });
    else {
      const missing = departments.filter((d) => !visit.departments.map(String).includes(d));
      if (missing.length) joining.push({ entityId: s.id, stationId: s.stationId, departments: missing });
    }
  }
  const options = { avoidOwnStation: task.avoidOwnStation, conflicts };
  const a = assignInspectors(draw.seed, fresh, inspectors, { ...options, perEntity: task.perVisit });
  if (!a.ok) throw noInspectors(a.reason);
  const b = assignInspectors(draw.seed, joining, inspectors, { ...options, perEntity: 0 });
  if (!b.ok) throw noInspectors(b.reason);

  await repo.persistDraw(tx, {
    drawId: draw.id,
    taskId: task.taskId,
    planId: task.planId,
    drawnCount: selected.length,
    newVisits: fresh.map((v) => ({
      entityId: v.entityId,
      stationId: v.stationId,
      inspectorIds: a.assignments.get(v.entityId)!,
    })),
    merged: existing.map((v) => ({ id: v.id, inspectorIds: b.assignments.get(v.entityId) ?? [] })),
  });
  return { drawn: selected.length, newVisits: fresh.length, merged: existing.length };
}
