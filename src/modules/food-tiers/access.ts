import { assertDistrictWide as assertDistrictWideSetting, assertPlaceable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { foodBusinessKind } from '../food/access.ts';

/**
 * Risk tiers and plans are rows of the food-business kind (fb = food_businesses): the tier list, the calendar and the
 * day lists take its read predicate; generating a station's plan needs food:write and the station within the
 * caller's placement reach. The model and the full recompute act on every station at once, so they need the data
 * scope `all` (department staff, admin) and food:write (recompute) or food:settings (saving or activating a model
 * version, the same permission as the 量化分级规则).
 */
export const assertDistrictWide = (actor: Actor, what: string): void =>
  assertDistrictWideSetting(actor, foodBusinessKind, what);

export const assertStationPlan = (actor: Actor, stationId: number) =>
  assertPlaceable(actor, foodBusinessKind, stationId);
