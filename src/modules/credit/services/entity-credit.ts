import type { TEntityCredit } from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { entityReach } from '../../entities/access.ts';
import { documentsOfEntity } from '../repos/events.ts';
import { listingsOfEntity } from '../repos/listings.ts';
import { entitiesFor, reportsOf } from '../repos/reports.ts';
import { classHistory, currentClass } from '../repos/risk.ts';
import { toEntityCredit } from '../view.ts';
import type { RiskService } from './risk.ts';

/**
 * One entity's credit picture. It follows the entity's readability (the caller may read the entity: its listings,
 * reports and documents come with it), so a self-scoped user sees the credit of the entities they registered.
 */
export async function entityCredit(
  db: Db,
  risk: Pick<RiskService, 'breakdown'>,
  today: string,
  actor: Actor,
  entityId: number,
): Promise<TEntityCredit> {
  const [entity] = await entitiesFor(db, [entityId], []);
  if (!entity || !canRead(actor, entityReach(entity))) throw notFound('市场主体');
  const [current, breakdown, history, listings, reports, documents] = await Promise.all([
    currentClass(db, entityId),
    risk.breakdown(entityId),
    classHistory(db, entityId),
    listingsOfEntity(db, entityId, 50),
    reportsOf(db, entityId),
    documentsOfEntity(db, entityId),
  ]);
  return toEntityCredit(today, entity, { current: current ?? null, breakdown, history, listings, reports, documents });
}
