import { ZPage } from '../../../src/contracts/common.ts';
import {
  type TFoodModelBody,
  ZFoodModels,
  ZFoodTierCounts,
  ZFoodTierDetail,
  type ZFoodTierQuery,
  ZFoodTierRow,
  ZPlanCalendar,
  ZPlannedInspection,
  ZPlanResult,
  ZPlanSummary,
  ZRecomputeResult,
} from '../../../src/contracts/food-tiers.ts';
import { z } from '../../../src/contracts/zod.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TTierQuery = Omit<QueryInput<typeof ZFoodTierQuery>, 'limit'>;

/** 风险分级与年度计划 (food point 2). */
export const foodTiersApi = {
  tiers: (query: TTierQuery, opts?: CallOptions) =>
    request('/food/tiers', { query: { ...query, limit: 50 }, schema: ZPage(ZFoodTierRow), signal: opts?.signal }),
  counts: (stationId: number | undefined, opts?: CallOptions) =>
    request('/food/tiers/counts', { query: { stationId }, schema: ZFoodTierCounts, signal: opts?.signal }),
  detail: (businessId: number, opts?: CallOptions) =>
    request(`/food/tiers/businesses/${businessId}`, { schema: ZFoodTierDetail, signal: opts?.signal }),
  models: (opts?: CallOptions) => request('/food/tiers/models', { schema: ZFoodModels, signal: opts?.signal }),
  createModel: (body: TFoodModelBody) =>
    request('/food/tiers/models', { method: 'POST', body, schema: z.object({ version: z.number().int() }) }),
  activateModel: (version: number) =>
    request(`/food/tiers/models/${version}/activate`, { method: 'POST', body: {}, schema: ZRecomputeResult }),
  generate: (stationId: number, year: number) =>
    request('/food/plan/generate', { method: 'POST', body: { stationId, year }, schema: ZPlanResult }),
  summary: (query: { stationId?: number; year: number }, opts?: CallOptions) =>
    request('/food/plan/summary', { query, schema: ZPlanSummary, signal: opts?.signal }),
  calendar: (query: { stationId?: number; year: number; month: number; mine?: boolean }, opts?: CallOptions) =>
    request('/food/plan/calendar', { query, schema: ZPlanCalendar, signal: opts?.signal }),
  day: (query: { stationId?: number; day: string; mine?: boolean }, opts?: CallOptions) =>
    request('/food/plan/day', {
      query,
      schema: z.object({ items: z.array(ZPlannedInspection) }),
      signal: opts?.signal,
    }),
};
