import { z } from 'zod';
import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZAdverseEvent,
  type ZAdverseEventBody,
  type ZAdverseEventQuery,
  type ZAdverseTransitionBody,
  ZCdBusiness,
  type ZCdBusinessBody,
  type ZCdBusinessQuery,
  ZCdInspection,
  type ZCdInspectionResultBody,
  type ZCdInspectionScheduleBody,
} from '../../../src/contracts/cosmetics-devices.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TCdBusinessListQuery = Omit<QueryInput<typeof ZCdBusinessQuery>, 'limit'>;
export type TAdverseListQuery = Omit<QueryInput<typeof ZAdverseEventQuery>, 'limit'>;

/** 两品一械:化妆品/医疗器械经营者 and their 不良反应/不良事件 reports (src/modules/cosmetics-devices). */
export const cdApi = {
  businesses: (query: TCdBusinessListQuery, opts?: CallOptions) =>
    request('/drugs/cd-businesses', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZCdBusiness),
      signal: opts?.signal,
    }),
  /** The search-as-you-type picker: the first 20 businesses matching a fragment of name, number or USCC. */
  searchBusinesses: async (q: string, opts?: CallOptions) =>
    (
      await request('/drugs/cd-businesses', {
        query: { q, limit: 20 },
        schema: ZPage(ZCdBusiness),
        signal: opts?.signal,
      })
    ).items,
  inspections: (businessId: number, opts?: CallOptions) =>
    request(`/drugs/cd-businesses/${businessId}/inspections`, {
      schema: z.object({ items: z.array(ZCdInspection) }),
      signal: opts?.signal,
    }),
  scheduleInspection: (businessId: number, body: z.input<typeof ZCdInspectionScheduleBody>) =>
    request(`/drugs/cd-businesses/${businessId}/inspections`, { method: 'POST', body, schema: ZCdInspection }),
  recordInspection: (id: number, body: z.input<typeof ZCdInspectionResultBody>) =>
    request(`/drugs/cd-inspections/${id}/result`, { method: 'POST', body, schema: ZCdInspection }),
  business: (id: number, opts?: CallOptions) =>
    request(`/drugs/cd-businesses/${id}`, { schema: ZCdBusiness, signal: opts?.signal }),
  createBusiness: (body: z.input<typeof ZCdBusinessBody>) =>
    request('/drugs/cd-businesses', { method: 'POST', body, schema: ZCdBusiness }),
  events: (query: TAdverseListQuery, opts?: CallOptions) =>
    request('/drugs/adverse-events', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZAdverseEvent),
      signal: opts?.signal,
    }),
  event: (id: number, opts?: CallOptions) =>
    request(`/drugs/adverse-events/${id}`, { schema: ZAdverseEvent, signal: opts?.signal }),
  report: (body: z.input<typeof ZAdverseEventBody>) =>
    request('/drugs/adverse-events', { method: 'POST', body, schema: ZAdverseEvent }),
  transition: (id: number, body: z.input<typeof ZAdverseTransitionBody>) =>
    request(`/drugs/adverse-events/${id}/transition`, { method: 'POST', body, schema: ZAdverseEvent }),
};
