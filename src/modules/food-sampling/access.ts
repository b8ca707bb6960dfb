import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 抽检样品 (fs = food_samples): in the station of the business sampled (copied at sampling); under `self` the
 * caller's own when they recorded it. Its items and events follow it. Published results are public.
 */
export const foodSampleKind = defineResource({
  name: 'food-sample',
  label: '抽检样品',
  read: 'food:read',
  write: 'food:write',
  unitColumn: 'fs.station_id',
  selfColumns: ['fs.created_by'],
  publicRows: 'fs.published_on IS NOT NULL',
});
export const foodSampleReach = (s: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: s.stationId,
  userIds: [s.createdBy],
});

/** 抽检计划 (fsp = food_sampling_plans): a station's plan; under `self` the plans the caller made. */
export const foodSamplingPlanKind = defineResource({
  name: 'food-sampling-plan',
  label: '抽检计划',
  read: 'food:read',
  write: 'food:write',
  unitColumn: 'fsp.station_id',
  selfColumns: ['fsp.created_by'],
});
export const foodSamplingPlanReach = (p: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: p.stationId,
  userIds: [p.createdBy],
});
