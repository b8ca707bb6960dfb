import type { Queryable } from '../../../db/client.ts';
import { dueDate } from '../../../domain/deadlines.ts';
import { PUBLICATION_WORKING_DAYS, visitStatusLabels, visitTransitions } from '../../../domain/spot-check-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { forbidden, validation } from '../../../platform/errors.ts';
import { allowTransition, staleVersion } from '../../../platform/workflow.ts';
import { conflictsOf, inspectorOfUser, inspectorsByIds, lightestStationInspectors } from '../repos/visit-open.ts';
import { setVisitStatus } from '../repos/visits.ts';

export { insertStandaloneVisit } from '../repos/visit-open.ts';
/**
 * The visit engine as other modules use it (food's routine inspections and GSP inspections run on spot-check
 * visits): choosing the inspectors, opening a standalone visit, reading a visit, its evidence files, moving its
 * status inside the caller's transaction, and queueing the entity's risk recompute. Everything else about visits
 * stays behind the spot-check services.
 */
export { findVisit, queueRiskRecompute, setVisitStatus, visitFiles } from '../repos/visits.ts';

/** The day a visit inspected on `day` must be published by (公示: PUBLICATION_WORKING_DAYS working days). */
export const publicationDueOn = (cal: WorkingDayCalendar, day: string): string =>
  dueDate(cal, day, { days: PUBLICATION_WORKING_DAYS, unit: 'workingDays' }).dueOn;

/**
 * Completes a standalone visit inside the caller's transaction, through the engine's transition table: 409 when the
 * visit is not in a state that completes, or was changed since it was read.
 */
export async function completeVisit(
  tx: Queryable,
  visit: { id: number; version: number; status: string },
  p: { day: string; publishDueOn: string },
): Promise<void> {
  allowTransition(visitTransitions, 'complete', visit.status as 'assigned', visitStatusLabels);
  const done = await setVisitStatus(
    tx,
    { id: visit.id, version: visit.version },
    { status: 'inspected', inspectedOn: p.day, publishDueOn: p.publishDueOn },
  );
  if (!done) throw staleVersion();
}

/**
 * The inspectors of a visit the caller starts: the caller (who must be a registered inspector) and the chosen
 * ones, ≥ 2 in all, active, none with a declared conflict (回避) with the entity. Sorted ids.
 */
export async function chooseInspectors(
  q: Queryable,
  p: { userId: number; inspectorIds: number[]; entityId: number },
): Promise<number[]> {
  const own = await inspectorOfUser(q, p.userId);
  if (!own) throw forbidden('您的账号未登记为执法检查人员，不能开始检查');
  return checkedInspectors(q, [own, ...p.inspectorIds], p.entityId);
}

/**
 * The inspectors of a visit someone else schedules (a chief plans it for the station): the named ones, or when none
 * are named the engine's choice of two of the station's active inspectors with the lightest open load. Either way
 * ≥ 2, active, none with a declared conflict (回避) with the entity. Sorted ids.
 */
export async function scheduleInspectors(
  q: Queryable,
  p: { inspectorIds: number[]; entityId: number; stationId: number },
): Promise<number[]> {
  const named = p.inspectorIds.length
    ? p.inspectorIds
    : await lightestStationInspectors(q, { stationId: p.stationId, entityId: p.entityId, count: 2 });
  if (!p.inspectorIds.length && named.length < 2)
    throw validation('inspectorIds', '本所可派的检查人员不足2名（已排除停用和应当回避的人员），请指定检查人员');
  return checkedInspectors(q, named, p.entityId);
}

async function checkedInspectors(q: Queryable, chosen: number[], entityId: number): Promise<number[]> {
  const ids = [...new Set(chosen)];
  if (ids.length < 2) throw validation('inspectorIds', '检查人员不得少于2名');
  const found = await inspectorsByIds(q, ids);
  if (found.length !== ids.length || found.some((f) => !f.active))
    throw validation('inspectorIds', '检查人员不存在或已停用');
  const conflicts = await conflictsOf(q, entityId, ids);
  if (conflicts.length) {
    const names = conflicts.map((c) => found.find((f) => f.id === c.inspectorId)?.name).join('、');
    throw validation('inspectorIds', `检查人员应当回避：${names}（${conflicts[0]!.reason}）`);
  }
  return ids.sort((a, b) => a - b);
}
