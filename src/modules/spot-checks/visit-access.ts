import type { Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import type { VisitRecord } from './visits-repo.ts';

/** Who may see a visit: everyone for an all-scope caller, the entity's station, and the assigned inspectors. */
export const canSeeVisit = (actor: Actor, v: VisitRecord) =>
  actor.dataScope === 'all' ||
  (actor.dataScope === 'unit_and_below' && actor.scopeUnitIds.includes(v.stationId)) ||
  isAssignedTo(actor, v);

/**
 * The caller's account is linked to one of the visit's drawn inspectors. Only they enter results and upload
 * evidence: the draw chose them (回避 applied: no one from the entity's own station, no declared conflict), so
 * seeing the visit — by station scope or a bureau-wide role — is not enough to act as its inspector.
 */
export const isAssignedTo = (actor: Actor, v: VisitRecord) =>
  v.inspectors.some((i) => i.userId !== null && i.userId === actor.userId);

export function assertAssignedTo(actor: Actor, v: VisitRecord) {
  if (!isAssignedTo(actor, v)) throw forbidden('只有本次检查抽中的检查人员才能录入结果或上传取证材料');
}
