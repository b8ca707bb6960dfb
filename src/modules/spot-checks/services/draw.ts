import type { Db, Transaction } from '../../../db/client.ts';
import {
  AssignmentShortfall,
  assignEach,
  assignInspectors,
  type PoolInspector,
  type VisitNeed,
} from '../../../domain/inspector-assignment.ts';
import {
  DRAW_ALGORITHM_V1,
  drawStratified,
  type Ratios,
  RISK_CLASSES,
  type RiskClass,
  sampleSize,
} from '../../../domain/spot-check-draw.ts';
import { classPositions } from '../../../domain/spot-check-draw-v2.ts';
import { AppError } from '../../../platform/errors.ts';
import { conflictsFor, listInspectors } from '../repos/catalog.ts';
import { entitiesAtPositions } from '../repos/draw-v2.ts';
import * as repo from '../repos/tasks.ts';

/**
 * Parses the frozen pool text ("id,class\n" sorted by id) into ascending id arrays per class, without splitting;
 * `all`, when given, receives every id in pool order.
 */
export function parsePoolEntries(text: string, all?: number[]): Record<RiskClass, number[]> {
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
      all?.push(id);
      last = id;
      id = 0;
      i += 2; // the class letter and the newline
    }
  }
  return out;
}

/**
 * The frozen station of each selected entity: `selected` and `poolIds` both ascend, so one merge walk pairs each
 * selected id with its position in the pool, and thus in the comma-separated `stations` text.
 */
export function frozenStations(selected: readonly number[], poolIds: readonly number[], stations: string) {
  const out: { id: number; stationId: number }[] = [];
  let pos = 0; // pool position of the station being parsed
  let value = 0;
  let p = 0; // pool position reached for the next selected id
  let c = 0; // character in stations
  for (const id of selected) {
    while (p < poolIds.length && poolIds[p]! < id) p++;
    if (poolIds[p] !== id) throw new Error(`selected id ${id} is not in the frozen pool`);
    for (; pos <= p; pos++) {
      value = 0;
      for (let ch = stations.charCodeAt(c); ch >= 48 && ch <= 57; ch = stations.charCodeAt(++c))
        value = value * 10 + (ch - 48);
      c++; // the comma
    }
    out.push({ id, stationId: value });
  }
  return out;
}

/** Where the pool's parts may be read beside the transaction (db/shared-snapshot.ts), and how many at a time. */
export interface ParallelReads {
  db: Db;
  parallel: number;
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

/** v1: the frozen text read into Node, parsed and drawn there (pools frozen before v2). */
async function selectV1(tx: Transaction, draw: repo.DrawRecord, ratios: Ratios) {
  const frozen = await repo.poolEntries(tx, draw.id);
  const poolIds: number[] = [];
  const sorted = parsePoolEntries(frozen.entries, poolIds);
  const selected = drawStratified(draw.seed, sorted, ratios);
  return frozen.stations ? frozenStations(selected, poolIds, frozen.stations) : await repo.entityStations(tx, selected); // pools frozen before stations were kept
}

/**
 * v2: the k positions of each class from the seed stream (O(k), the same selection as v1), resolved to entities
 * and their frozen stations in the database; the pool itself never comes to Node.
 */
export async function selectV2(tx: Transaction, draw: repo.DrawRecord, ratios: Ratios, reads: ParallelReads) {
  const picks = RISK_CLASSES.map((riskClass) => {
    const n = draw.classCounts[riskClass] ?? 0;
    return { riskClass, positions: classPositions(draw.seed, riskClass, n, sampleSize(n, ratios[riskClass])) };
  });
  return entitiesAtPositions(reads.db, tx, draw.id, picks, reads.parallel);
}

/**
 * The draw of a frozen task with the algorithm it was frozen under: the selection from (seed, frozen pool,
 * ratios), then merge entities the plan already visits, assign inspectors (≥ perVisit, 回避, balanced), and
 * persist set-based. Runs in the caller's tx.
 */
export async function executeDraw(tx: Transaction, draw: repo.DrawRecord, task: DrawTask, reads: ParallelReads) {
  // The pool parts may be read on several connections (ParallelReads); the rest runs on the transaction.
  const stations =
    draw.algorithm === DRAW_ALGORITHM_V1
      ? await selectV1(tx, draw, task.ratios)
      : await selectV2(tx, draw, task.ratios, reads);
  const selected = stations.map((s) => s.id);
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
  const b = assignInspectors(draw.seed, joining, inspectors, { ...options, perEntity: 0 });
  if (!b.ok) throw noInspectors(b.reason);
  // Each account's visits of the task, tallied as the new ones stream by (a query over the task's visits after
  // the COPY took about 1 s at 500 k visits); the merged visits' inspectors are on their rows.
  const userOf = new Map(inspectorRows.flatMap((i) => (i.userId ? [[i.id, i.userId] as const] : [])));
  const visitsByUser = new Map<number, number>();
  const tally = (userId: number, n = 1) => visitsByUser.set(userId, (visitsByUser.get(userId) ?? 0) + n);
  // The new visits' inspectors are chosen while the COPY writes the earlier ones (Node and the database on their
  // own cores); a visit that cannot be staffed fails the COPY and so the draw's transaction.
  const newVisits = (function* () {
    for (const v of assignEach(draw.seed, fresh, inspectors, { ...options, perEntity: task.perVisit })) {
      for (const id of v.inspectorIds) {
        const userId = userOf.get(id);
        if (userId) tally(userId);
      }
      yield v;
    }
  })();
  try {
    await repo.persistDraw(tx, {
      drawId: draw.id,
      taskId: task.taskId,
      planId: task.planId,
      drawnCount: selected.length,
      newVisits: fresh.length ? newVisits : [],
      merged: existing.map((v) => ({ id: v.id, inspectorIds: b.assignments.get(v.entityId) ?? [] })),
    });
  } catch (e) {
    throw e instanceof AssignmentShortfall ? noInspectors(e.reason) : e;
  }
  for (const { userId, visits } of await repo.inspectorUsersOfVisits(
    tx,
    existing.map((v) => v.id),
  ))
    tally(userId, visits);
  return { drawn: selected.length, newVisits: fresh.length, merged: existing.length, visitsByUser };
}
