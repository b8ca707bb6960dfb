import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 食品经营者 (fb = food_businesses): it lies in its entity's station; under `self` it is the caller's own when they
 * registered it or are its responsible inspector. Its licences (fl) and health certificates (hc) are exactly as
 * readable as the business: the food repos always join fb and take this kind's predicate.
 */
export const foodBusinessKind = defineResource({
  name: 'food-business',
  label: '食品经营者',
  read: 'food:read',
  write: 'food:write',
  unitColumn: 'fb.station_id',
  selfColumns: ['fb.created_by', 'fb.inspector_id'],
});

export const foodBusinessReach = (b: {
  stationId: number;
  createdBy: number | null;
  inspectorId: number | null;
}): RowReach => ({ unitId: b.stationId, userIds: [b.createdBy, b.inspectorId] });
