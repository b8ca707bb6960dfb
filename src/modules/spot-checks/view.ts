import type { TStoredFile } from '../../contracts/files.ts';
import type {
  TCheckItem,
  TPlan,
  TPool,
  TPublicResult,
  TTask,
  TVisitDetail,
  TVisitSummary,
} from '../../contracts/spot-checks.ts';
import { maskPersonalText } from '../../domain/personal-text.ts';
import { type Ratios, RISK_CLASSES } from '../../domain/spot-check-draw.ts';
import {
  categoryOf,
  type TaskStatus,
  taskStatusLabels,
  type VisitStatus,
  visitStatusLabels,
  visitTransitions,
} from '../../domain/spot-check-workflow.ts';
import type { DrawRecord, TaskRecord } from './repos/tasks.ts';
import type { ResultRecord, VisitRecord } from './repos/visits.ts';

/** Rows → contracts. Ratios are stored as fractions and shown as percentages. */
export const toPercent = (r: Ratios) =>
  Object.fromEntries(RISK_CLASSES.map((c) => [c, Math.round(r[c] * 1e8) / 1e6])) as TTask['ratios'];

export const poolView = (p: TPool): TPool => ({ id: p.id, name: p.name, filter: p.filter, ownerUnitId: p.ownerUnitId });

export const planView = (p: TPlan): TPlan => ({
  id: p.id,
  name: p.name,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  taskCount: p.taskCount,
  drawnChecks: p.drawnChecks,
  visits: p.visits,
  visitsSaved: p.visitsSaved,
});

export function taskView(
  row: TaskRecord,
  more: { items: TCheckItem[]; draw: DrawRecord | undefined; visitCount: number },
): TTask {
  const { items, draw, visitCount } = more;
  return {
    id: row.id,
    planId: row.planId,
    planName: row.planName,
    name: row.name,
    poolId: row.poolId,
    poolName: row.poolName,
    ratios: toPercent(row.ratios),
    inspectorsPerVisit: row.inspectorsPerVisit,
    avoidOwnStation: row.avoidOwnStation,
    status: row.status,
    statusLabel: taskStatusLabels[row.status as TaskStatus] ?? row.status,
    version: row.version,
    joint: new Set(items.map((i) => i.departmentId)).size > 1,
    items,
    visitCount,
    draw: draw
      ? {
          id: draw.id,
          algorithm: draw.algorithm,
          poolHash: draw.poolHash,
          poolSize: draw.poolSize,
          unclassifiedCount: draw.unclassifiedCount,
          classCounts: draw.classCounts,
          commitment: draw.commitment,
          // The seed is secret until the draw: publishing it earlier would let anyone predict the result.
          seed: draw.drawnAt ? draw.seed : null,
          frozenAt: draw.frozenAt,
          drawnAt: draw.drawnAt,
          drawnCount: draw.drawnCount,
        }
      : null,
  };
}

/** `today`: the Shanghai calendar day, for the overdue flag. */
export const visitSummary = (v: VisitRecord, today: string): TVisitSummary => ({
  id: v.id,
  planId: v.planId,
  entityId: v.entityId,
  entityName: v.entityName,
  uscc: v.uscc,
  stationName: v.stationName,
  status: v.status,
  statusLabel: visitStatusLabels[v.status as VisitStatus] ?? v.status,
  inspectedOn: v.inspectedOn,
  publishDueOn: v.publishDueOn,
  overdue: v.status === 'inspected' && v.publishDueOn !== null && v.publishDueOn < today,
  publishedAt: v.publishedAt,
  inspectors: v.inspectors.map(({ id, name, departmentName }) => ({ id, name, departmentName })),
  foodInspectionId: v.foodInspectionId === null ? null : Number(v.foodInspectionId),
  cdBusinessId: v.cdBusinessId === null ? null : Number(v.cdBusinessId),
  version: v.version,
});

export function visitDetail(
  v: VisitRecord,
  more: {
    today: string;
    tasks: { name: string }[];
    items: TCheckItem[];
    results: ResultRecord[];
    files: TStoredFile[];
    canRecord: boolean;
  },
): TVisitDetail {
  const { items, results, files } = more;
  return {
    ...visitSummary(v, more.today),
    taskNames: more.tasks.map((t) => t.name),
    items: items.map((i) => {
      const r = results.find((x) => x.itemId === i.id);
      return {
        itemId: i.id,
        name: i.name,
        departmentName: i.departmentName,
        level: i.level,
        checklist: i.checklist,
        result: r
          ? {
              category: r.category,
              categoryLabel: categoryOf(r.category)?.label ?? r.category,
              notes: r.notes,
              files: files.filter((f) => r.fileIds.includes(f.id)),
              caseLeadRef: r.caseLeadRef,
            }
          : null,
      };
    }),
    actions: (['complete', 'publish'] as const).filter((a) =>
      (visitTransitions[a].from as readonly string[]).includes(v.status),
    ),
    canRecord: more.canRecord,
  };
}

/**
 * One row of the public register. Names leave through the personal-text mask (an individual business may carry
 * its owner's phone); the USCC is public by law and is the register's key, so it stays as it is.
 */
export const publicResultView = (r: {
  visitId: number;
  entityName: string;
  uscc: string;
  planName: string;
  taskNames: string[] | null;
  inspectedOn: string;
  publishedAt: string;
  items: { name: string; departmentName: string; category: string }[] | null;
}): TPublicResult => ({
  ...r,
  entityName: maskPersonalText(r.entityName),
  planName: maskPersonalText(r.planName),
  taskNames: (r.taskNames ?? []).map(maskPersonalText),
  items: (r.items ?? []).map((i) => ({
    name: maskPersonalText(i.name),
    departmentName: i.departmentName,
    categoryLabel: categoryOf(i.category)?.label ?? i.category,
  })),
});
