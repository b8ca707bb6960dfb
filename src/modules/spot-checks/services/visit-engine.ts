import type { Queryable } from '../../../db/client.ts';
import { forbidden, validation } from '../../../platform/errors.ts';
import { conflictsOf, inspectorOfUser, inspectorsByIds } from '../repos/visit-open.ts';

export { insertStandaloneVisit } from '../repos/visit-open.ts';
/**
 * The visit engine as other modules use it (food's routine inspections and GSP inspections run on spot-check
 * visits): choosing the inspectors, opening a standalone visit, reading a visit, its evidence files, moving its
 * status inside the caller's transaction, and queueing the entity's risk recompute. Everything else about visits
 * stays behind the spot-check services.
 */
export { findVisit, queueRiskRecompute, setVisitStatus, visitFiles } from '../repos/visits.ts';

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
  const ids = [...new Set([own, ...p.inspectorIds])];
  if (ids.length < 2) throw validation('inspectorIds', '检查人员不得少于2名');
  const found = await inspectorsByIds(q, ids);
  if (found.length !== ids.length || found.some((f) => !f.active))
    throw validation('inspectorIds', '检查人员不存在或已停用');
  const conflicts = await conflictsOf(q, p.entityId, ids);
  if (conflicts.length) {
    const names = conflicts.map((c) => found.find((f) => f.id === c.inspectorId)?.name).join('、');
    throw validation('inspectorIds', `检查人员应当回避：${names}（${conflicts[0]!.reason}）`);
  }
  return ids.sort((a, b) => a - b);
}
