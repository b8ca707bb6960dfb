import { z } from 'zod';
import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZAnnualReportResult,
  ZBatch,
  type ZBatchQuery,
  ZDistribution,
  ZEntityCredit,
  ZJobStarted,
  ZListing,
  type ZListingQuery,
  type ZModelBody,
  ZModelsView,
  ZRepair,
  type ZRepairQuery,
} from '../../../src/contracts/credit.ts';
import { type CallOptions, type Query, type QueryInput, request, toQueryString } from './client.ts';

export type TModelInput = z.input<typeof ZModelBody>;
export type TModelsView = z.output<typeof ZModelsView>;
export type TDecision = { decisionNo: string; reason: string; decidedOn: string };
/** The list queries without `limit`: each list has its page size here. */
export type TBatchQuery = Omit<QueryInput<typeof ZBatchQuery>, 'limit'>;
export type TListingQuery = Omit<QueryInput<typeof ZListingQuery>, 'limit'>;
export type TRepairQuery = Omit<QueryInput<typeof ZRepairQuery>, 'limit'>;

/** The listings as Excel with the same filters (a link the browser downloads itself, with the session cookie). */
export const listingExportUrl = ({ cursor: _, ...query }: TListingQuery) =>
  `/api/v1/credit/listings/export${toQueryString(query as Query)}`;

export const creditApi = {
  distribution: (opts?: CallOptions) =>
    request('/credit/distribution', { schema: ZDistribution, signal: opts?.signal }),
  entity: (id: number, opts?: CallOptions) =>
    request(`/credit/entities/${id}`, { schema: ZEntityCredit, signal: opts?.signal }),
  recordReports: (items: { uscc?: string; entityId?: number; reportYear: number; filedOn: string }[]) =>
    request('/credit/annual-reports', { method: 'POST', body: { items }, schema: ZAnnualReportResult }),
  batches: (query: TBatchQuery, opts?: CallOptions) =>
    request('/credit/batches', { query: { ...query, limit: 20 }, schema: ZPage(ZBatch), signal: opts?.signal }),
  propose: (body: { list: 'abnormal' | 'serious'; reportYear?: number; stationId?: number }) =>
    request('/credit/batches', { method: 'POST', body, schema: ZBatch }),
  approve: (id: number, body: TDecision & { version: number }) =>
    request(`/credit/batches/${id}/approve`, { method: 'POST', body, schema: ZBatch }),
  discardBatch: (id: number, body: { reason: string; version: number }) =>
    request(`/credit/batches/${id}/discard`, { method: 'POST', body, schema: ZBatch }),
  listings: (query: TListingQuery, opts?: CallOptions) =>
    request('/credit/listings', { query: { ...query, limit: 50 }, schema: ZPage(ZListing), signal: opts?.signal }),
  discardListing: (id: number, body: { reason: string; version: number }) =>
    request(`/credit/listings/${id}/discard`, { method: 'POST', body, schema: ZListing }),
  repairs: (query: TRepairQuery, opts?: CallOptions) =>
    request('/credit/repairs', { query: { ...query, limit: 20 }, schema: ZPage(ZRepair), signal: opts?.signal }),
  applyRepair: (body: { listingId: number; applicantName: string; applicationText: string }) =>
    request('/credit/repairs', { method: 'POST', body, schema: ZRepair }),
  reviewRepair: (id: number, body: { opinion: string; version: number }) =>
    request(`/credit/repairs/${id}/review`, { method: 'POST', body, schema: ZRepair }),
  decideRepair: (id: number, body: TDecision & { decision: 'approve' | 'reject'; version: number }) =>
    request(`/credit/repairs/${id}/decide`, { method: 'POST', body, schema: ZRepair }),
  models: (opts?: CallOptions) => request('/credit/models', { schema: ZModelsView, signal: opts?.signal }),
  saveModel: (body: TModelInput) =>
    request('/credit/models', { method: 'POST', body, schema: z.object({ version: z.number() }) }),
  activate: (version: number) =>
    request(`/credit/models/${version}/activate`, { method: 'POST', body: {}, schema: ZJobStarted }),
  recompute: () => request('/credit/recompute', { method: 'POST', body: {}, schema: ZJobStarted }),
};
