import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZAccessCodeIssued,
  ZAppeal,
  type ZAppealQuery,
  ZPortalBusiness,
  ZReply,
  type ZReplyQuery,
  ZRevisit,
  type ZRevisitQuery,
} from '../../../src/contracts/food-appeals.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

export type TAppealListQuery = Omit<QueryInput<typeof ZAppealQuery>, 'limit'>;
export type TReplyListQuery = Omit<QueryInput<typeof ZReplyQuery>, 'limit'>;
export type TRevisitListQuery = Omit<QueryInput<typeof ZRevisitQuery>, 'limit'>;

/** 申诉、答复与复评: staff lists and decisions, and the business's portal calls (access code in the body). */
export const foodAppealsApi = {
  appeals: (query: TAppealListQuery, opts?: CallOptions) =>
    request('/food/appeals', { query: { ...query, limit: 50 }, schema: ZPage(ZAppeal), signal: opts?.signal }),
  decide: (id: number, body: { outcome: string; reason: string; grade?: string; version: number }) =>
    request(`/food/appeals/${id}/decision`, { method: 'POST', body, schema: ZAppeal }),
  replies: (query: TReplyListQuery, opts?: CallOptions) =>
    request('/food/grade-replies', { query: { ...query, limit: 50 }, schema: ZPage(ZReply), signal: opts?.signal }),
  reviewReply: (id: number, body: { decision: 'publish' | 'reject'; reason?: string; version: number }) =>
    request(`/food/grade-replies/${id}/review`, { method: 'POST', body, schema: ZReply }),
  revisits: (query: TRevisitListQuery, opts?: CallOptions) =>
    request('/food/revisit-requests', {
      query: { ...query, limit: 50 },
      schema: ZPage(ZRevisit),
      signal: opts?.signal,
    }),
  decideRevisit: (
    id: number,
    body: { decision: 'accept' | 'reject'; reason?: string; plannedOn?: string; version: number },
  ) => request(`/food/revisit-requests/${id}/decision`, { method: 'POST', body, schema: ZRevisit }),
  issueCode: (businessId: number) =>
    request(`/food/businesses/${businessId}/access-code`, { method: 'POST', body: {}, schema: ZAccessCodeIssued }),
};

export const foodPortalApi = {
  open: (accessCode: string) =>
    request('/public/food/access', { method: 'POST', body: { accessCode }, schema: ZPortalBusiness }),
  appeal: (body: {
    accessCode: string;
    gradeId: number;
    grounds: string;
    contactName?: string;
    contactPhone?: string;
  }) => request('/public/food/appeals', { method: 'POST', body, schema: ZAppeal }),
  /** Evidence for a pending appeal: multipart with the code as a field. */
  attach: (accessCode: string, appealId: number, file: File) => {
    const form = new FormData();
    form.append('accessCode', accessCode);
    form.append('file', file, file.name);
    return request(`/public/food/appeals/${appealId}/attachments`, { method: 'POST', body: form, schema: ZAppeal });
  },
  reply: (body: { accessCode: string; gradeId: number; body: string }) =>
    request('/public/food/replies', { method: 'POST', body, schema: ZReply }),
  revisit: (body: { accessCode: string; reason: string }) =>
    request('/public/food/revisit-requests', { method: 'POST', body, schema: ZRevisit }),
};
