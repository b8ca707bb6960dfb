import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZAlertBatch,
  ZAlertImportResult,
  ZAlertMatch,
  type ZAlertMatchQuery,
  ZPublicRecall,
  ZRecall,
  ZRecallDetail,
  type ZRecallQuery,
} from '../../../src/contracts/product-recalls.ts';
import { z } from '../../../src/contracts/zod.ts';
import { type CallOptions, type Query, type QueryInput, request, toQueryString } from './client.ts';

export type TRecallQuery = Omit<QueryInput<typeof ZRecallQuery>, 'limit'>;
export type TMatchQuery = Omit<QueryInput<typeof ZAlertMatchQuery>, 'limit'>;

/** The XLSX download of the recall list with the list's filters (a plain link: the browser streams it). */
export const recallExportUrl = ({ cursor: _, ...q }: TRecallQuery) =>
  `/api/v1/product/recalls/export${toQueryString(q as Query)}`;

const upload = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** 缺陷产品召回 and 风险通报: recalls and their steps, the alert import and the match review queue. */
export const recallsApi = {
  recalls: (query: TRecallQuery, opts?: CallOptions) =>
    request('/product/recalls', { query: { ...query, limit: 50 }, schema: ZPage(ZRecall), signal: opts?.signal }),
  recall: (id: number, opts?: CallOptions) =>
    request(`/product/recalls/${id}`, { schema: ZRecallDetail, signal: opts?.signal }),
  create: (body: Record<string, unknown>) =>
    request('/product/recalls', { method: 'POST', body, schema: ZRecallDetail }),
  step: (id: number, step: 'reports' | 'complete' | 'publish', body: Record<string, unknown>) =>
    request(`/product/recalls/${id}/${step}`, { method: 'POST', body, schema: ZRecallDetail }),
  attach: (id: number, reportId: number, file: File) =>
    request(`/product/recalls/${id}/reports/${reportId}/file`, {
      method: 'POST',
      body: upload(file),
      schema: ZRecallDetail,
    }),
  batches: (opts?: CallOptions) =>
    request('/product/alerts/batches', { schema: z.array(ZAlertBatch), signal: opts?.signal }),
  importAlerts: (file: File) =>
    request('/product/alerts/imports', { method: 'POST', body: upload(file), schema: ZAlertImportResult }),
  matches: (query: TMatchQuery, opts?: CallOptions) =>
    request('/product/alerts/matches', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZAlertMatch),
      signal: opts?.signal,
    }),
  decide: (id: number, action: 'confirm' | 'dismiss', body: { version: number; note?: string }) =>
    request(`/product/alerts/matches/${id}/${action}`, { method: 'POST', body, schema: ZAlertMatch }),
  published: (query: { q?: string; cursor?: string }, opts?: CallOptions) =>
    request('/public/product/recalls', {
      query: { ...query, limit: 20 },
      schema: ZPage(ZPublicRecall),
      signal: opts?.signal,
    }),
};
