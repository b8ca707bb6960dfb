import {
  ZDisclosure,
  type ZDisclosureQuery,
  ZPublicPenalty,
  ZPublicTypicalCase,
  ZTypicalResult,
} from '../../../src/contracts/case-disclosures.ts';
import { ZPage } from '../../../src/contracts/common.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type DisclosureQuery = Omit<QueryInput<typeof ZDisclosureQuery>, 'overdue'> & { overdue?: boolean };

/** 行政处罚信息公示: the portal's public reads and the staff register. */
export const caseDisclosuresApi = {
  publicPenalties: (q: { q?: string; no?: string; cursor?: string; limit?: number }, opts?: CallOptions) =>
    request('/public/penalties', {
      query: { q: q.q, no: q.no, cursor: q.cursor, limit: q.limit ?? 20 },
      schema: ZPage(ZPublicPenalty),
      signal: opts?.signal,
    }),
  publicPenalty: (id: number, opts?: CallOptions) =>
    request(`/public/penalties/${id}`, { schema: ZPublicPenalty, signal: opts?.signal }),
  publicTypicalCases: (cursor?: string, opts?: CallOptions) =>
    request('/public/typical-cases', {
      query: { cursor, limit: 20 },
      schema: ZPage(ZPublicTypicalCase),
      signal: opts?.signal,
    }),

  list: (q: DisclosureQuery, opts?: CallOptions) =>
    request('/case-disclosures', {
      query: { ...q, overdue: q.overdue ? 'true' : undefined },
      schema: ZPage(ZDisclosure),
      signal: opts?.signal,
    }),
  publish: (id: number, version: number) =>
    request(`/case-disclosures/${id}/publish`, { method: 'POST', body: { version }, schema: ZDisclosure }),
  withdraw: (id: number, version: number, reason: string) =>
    request(`/case-disclosures/${id}/withdraw`, { method: 'POST', body: { version, reason }, schema: ZDisclosure }),
  remove: (id: number, version: number, reason: string) =>
    request(`/case-disclosures/${id}/remove`, {
      method: 'POST',
      body: { version, reason, obligationsFulfilled: true, harmRemoved: true },
      schema: ZDisclosure,
    }),
  setTypical: (caseId: number, typical: boolean) =>
    request(`/cases/${caseId}/typical`, { method: 'POST', body: { typical }, schema: ZTypicalResult }),
};
