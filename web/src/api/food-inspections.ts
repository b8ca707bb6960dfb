import { ZPage } from '../../../src/contracts/common.ts';
import { ZJobStarted } from '../../../src/contracts/credit.ts';
import { ZFoodGrade, ZFoodInspection, ZFoodInspectionSummary } from '../../../src/contracts/food-inspections.ts';
import { z } from '../../../src/contracts/zod.ts';
import { type CallOptions, request } from './client.ts';

export type TOutcome = 'pass' | 'fail' | 'na';

/** 日常监督检查 and 量化分级 (src/modules/food-inspections). */
export const foodInspectionsApi = {
  list: (query: { status?: string; mine?: boolean; cursor?: string }, opts?: CallOptions) =>
    request('/food/inspections', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZFoodInspectionSummary),
      signal: opts?.signal,
    }),
  get: (id: number, opts?: CallOptions) =>
    request(`/food/inspections/${id}`, { schema: ZFoodInspection, signal: opts?.signal }),
  create: (body: { businessId: number; kind: 'routine' | 'followup' | 'revisit' }) =>
    request('/food/inspections', { method: 'POST', body, schema: ZFoodInspection }),
  start: (id: number, version: number, inspectorIds: number[]) =>
    request(`/food/inspections/${id}/start`, {
      method: 'POST',
      body: { version, inspectorIds },
      schema: ZFoodInspection,
    }),
  results: (id: number, items: { itemId: number; outcome: TOutcome; notes?: string; fileIds: number[] }[]) =>
    request(`/food/inspections/${id}/results`, { method: 'PUT', body: { items }, schema: ZFoodInspection }),
  submit: (id: number, version: number, caseLead: boolean) =>
    request(`/food/inspections/${id}/submit`, {
      method: 'POST',
      body: { version, caseLead },
      schema: ZFoodInspection,
    }),
  publish: (id: number) =>
    request(`/food/inspections/${id}/publish`, { method: 'POST', body: {}, schema: ZFoodInspection }),
  grades: (businessId: number, opts?: CallOptions) =>
    request(`/food/businesses/${businessId}/grades`, { schema: z.array(ZFoodGrade), signal: opts?.signal }),
  recomputeAnnual: () => request('/food/grades/annual/recompute', { method: 'POST', body: {}, schema: ZJobStarted }),
};
