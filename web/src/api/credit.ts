import { z } from 'zod';
import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZAnnualReportResult,
  ZBatch,
  ZDistribution,
  ZEntityCredit,
  ZJobStarted,
  ZListing,
  type ZModelBody,
  ZModelsView,
  ZRepair,
} from '../../../src/contracts/credit.ts';
import { request } from './client.ts';

export type TModelInput = z.input<typeof ZModelBody>;
export type TModelsView = z.output<typeof ZModelsView>;
export type TDecision = { decisionNo: string; reason: string; decidedOn: string };

export const creditApi = {
  distribution: () => request('/credit/distribution', { schema: ZDistribution }),
  entity: (id: number) => request(`/credit/entities/${id}`, { schema: ZEntityCredit }),
  recordReports: (items: { uscc?: string; entityId?: number; reportYear: number; filedOn: string }[]) =>
    request('/credit/annual-reports', { method: 'POST', body: { items }, schema: ZAnnualReportResult }),
  batches: (query: { list?: string; status?: string; cursor?: string }) =>
    request('/credit/batches', { query: { ...query, limit: 20 }, schema: ZPage(ZBatch) }),
  propose: (body: { list: 'abnormal' | 'serious'; reportYear?: number; stationId?: number }) =>
    request('/credit/batches', { method: 'POST', body, schema: ZBatch }),
  approve: (id: number, body: TDecision & { version: number }) =>
    request(`/credit/batches/${id}/approve`, { method: 'POST', body, schema: ZBatch }),
  discardBatch: (id: number, body: { reason: string; version: number }) =>
    request(`/credit/batches/${id}/discard`, { method: 'POST', body, schema: ZBatch }),
  listings: (query: { list?: string; status?: string; batchId?: number; entityId?: number; cursor?: string }) =>
    request('/credit/listings', { query: { ...query, limit: 50 }, schema: ZPage(ZListing) }),
  discardListing: (id: number, body: { reason: string; version: number }) =>
    request(`/credit/listings/${id}/discard`, { method: 'POST', body, schema: ZListing }),
  repairs: (query: { status?: string; cursor?: string }) =>
    request('/credit/repairs', { query: { ...query, limit: 20 }, schema: ZPage(ZRepair) }),
  applyRepair: (body: { listingId: number; applicantName: string; applicationText: string }) =>
    request('/credit/repairs', { method: 'POST', body, schema: ZRepair }),
  reviewRepair: (id: number, body: { opinion: string; version: number }) =>
    request(`/credit/repairs/${id}/review`, { method: 'POST', body, schema: ZRepair }),
  decideRepair: (id: number, body: TDecision & { decision: 'approve' | 'reject'; version: number }) =>
    request(`/credit/repairs/${id}/decide`, { method: 'POST', body, schema: ZRepair }),
  models: () => request('/credit/models', { schema: ZModelsView }),
  saveModel: (body: TModelInput) =>
    request('/credit/models', { method: 'POST', body, schema: z.object({ version: z.number() }) }),
  activate: (version: number) =>
    request(`/credit/models/${version}/activate`, { method: 'POST', body: {}, schema: ZJobStarted }),
  recompute: () => request('/credit/recompute', { method: 'POST', body: {}, schema: ZJobStarted }),
};
