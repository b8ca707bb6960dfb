import type { RowReach } from '../../platform/access.ts';

/**
 * Appeals, replies and re-rating requests are exactly as reachable as their business (kind `food-business` of the
 * food module: its station; under `self` its registrar or responsible inspector). The repos join food_businesses and
 * take that kind's predicate; no new kind or permission (deciding needs food:write).
 */
export const businessRowReach = (r: {
  stationId: number;
  createdBy: number | null;
  inspectorId: number | null;
}): RowReach => ({ unitId: r.stationId, userIds: [r.createdBy, r.inspectorId] });
