import type { Queryable } from '../../db/client.ts';
import { findPharmacyByEntity as byEntity } from './repos/pharmacies.ts';

/**
 * What other modules may ask about a retail pharmacy (key-drug sale registration references the pharmacy's
 * entity id): its row by entity, inside the caller's transaction if need be. Access checks stay with the caller
 * (the returned stationId and createdBy are the pharmacy kind's reach).
 */
export async function findPharmacyByEntity(q: Queryable, entityId: number) {
  const p = await byEntity(q, entityId);
  return p && { ...p, active: p.status === 'active' };
}

export { pharmacyKind, pharmacyReach } from './access.ts';
