import { z } from 'zod';
import { ZOk, ZPage } from '../../../src/contracts/common.ts';
import {
  ZAlert,
  type ZAnalysisQuery,
  ZAnalysisResult,
  ZCategory,
  ZComplaintDetail,
  ZComplaintIdentity,
  type ZComplaintListQuery,
  ZComplaintSummary,
  ZHotTopic,
  type ZIntakeBody,
  ZIntakeResult,
  type ZPublicIntakeBody,
  ZPublicTracking,
  type ZReassignBody,
  ZRuleSetView,
  type ZTransitionBody,
  ZUploadedAttachment,
} from '../../../src/contracts/complaints.ts';
import { ZEntitySummary } from '../../../src/contracts/entities.ts';
import { type CallOptions, notifyWrite, type Query, type QueryInput, request, toQueryString } from './client.ts';
import { ApiError } from './errors.ts';

const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** Where an attachment is downloaded (same-origin, with the session cookie). */
/** An attachment is downloaded through its item, so it is exactly as readable as the item. */
export const attachmentUrl = (complaintId: number, fileId: number) =>
  `/api/v1/complaints/${complaintId}/attachments/${fileId}`;

const ZSummaryPage = ZPage(ZComplaintSummary);
const ZEntityHits = z.object({ items: z.array(ZEntitySummary) });

export type TIntakeInput = z.input<typeof ZIntakeBody>;
export type TPublicIntakeInput = z.input<typeof ZPublicIntakeBody>;
export type TTransitionInput = z.input<typeof ZTransitionBody>;
export type TIntakeResult = z.output<typeof ZIntakeResult>;
export type TPublicTracking = z.output<typeof ZPublicTracking>;
export type TRuleSet = z.output<typeof ZRuleSetView>;
export type TCategory = z.output<typeof ZCategory>;
export type TAnalysis = z.output<typeof ZAnalysisResult>;
export type TReassignInput = z.input<typeof ZReassignBody>;
export type TUploaded = z.output<typeof ZUploadedAttachment>;
export type TComplaintIdentity = z.output<typeof ZComplaintIdentity>;
export type TAnalysisBy = NonNullable<z.input<typeof ZAnalysisQuery>['by']>;

/** The queue's filters; the flags as booleans (only `true` is sent). */
export type ComplaintListQuery = Omit<QueryInput<typeof ZComplaintListQuery>, 'mine' | 'overdue'> & {
  mine?: boolean;
  overdue?: boolean;
};

/** The queue as Excel with the same filters (a link the browser downloads itself, with the session cookie). */
export const complaintExportUrl = ({ limit: _, cursor: __, ...query }: ComplaintListQuery) =>
  `/api/v1/complaints/export${toQueryString({ ...(query as Query), mine: query.mine ? 'true' : undefined, overdue: query.overdue ? 'true' : undefined })}`;

export const complaintsApi = {
  categories: (opts?: CallOptions) =>
    request('/complaints/categories', { schema: z.array(ZCategory), signal: opts?.signal }),
  ruleSets: (opts?: CallOptions) =>
    request('/complaints/rule-sets', { schema: z.array(ZRuleSetView), signal: opts?.signal }),
  intake: (body: TIntakeInput) => request('/complaints', { method: 'POST', body, schema: ZIntakeResult }),
  list: (query: ComplaintListQuery, opts?: CallOptions) =>
    request('/complaints', {
      query: { ...query, mine: query.mine ? 'true' : undefined, overdue: query.overdue ? 'true' : undefined },
      schema: ZSummaryPage,
      signal: opts?.signal,
    }),
  get: (id: number, opts?: CallOptions) =>
    request(`/complaints/${id}`, { schema: ZComplaintDetail, signal: opts?.signal }),
  transition: (id: number, body: TTransitionInput) =>
    request(`/complaints/${id}/transitions`, { method: 'POST', body, schema: ZComplaintDetail }),
  stations: (opts?: CallOptions) =>
    request('/complaints/stations', {
      schema: z.array(z.object({ id: z.number(), name: z.string(), kind: z.string() })),
      signal: opts?.signal,
    }),
  /** The complainant in full; the reason is required and the reveal is audited. */
  revealIdentity: (id: number, reason: string) =>
    request(`/complaints/${id}/identity`, { method: 'POST', body: { reason }, schema: ZComplaintIdentity }),
  reassign: (id: number, body: TReassignInput) =>
    request(`/complaints/${id}/reassign`, { method: 'POST', body, schema: ZComplaintDetail }),
  /** A file for a submission being registered: the token goes into the intake's `attachments`. */
  upload: (file: File) =>
    request('/complaints/uploads', { method: 'POST', body: fileForm(file), schema: ZUploadedAttachment }),
  addAttachment: (id: number, file: File) =>
    request(`/complaints/${id}/attachments`, { method: 'POST', body: fileForm(file), schema: ZComplaintDetail }),
  analysis: (from: string, to: string, by: TAnalysisBy, opts?: CallOptions) =>
    request('/complaints/analysis', { query: { from, to, by }, schema: ZAnalysisResult, signal: opts?.signal }),
  hotTopics: (from: string, to: string, opts?: CallOptions) =>
    request('/complaints/analysis/hot-topics', {
      query: { from, to },
      schema: z.array(ZHotTopic),
      signal: opts?.signal,
    }),
  alerts: (opts?: CallOptions) => request('/complaints/alerts', { schema: z.array(ZAlert), signal: opts?.signal }),
  /** The registry search for the business field; a role without entity:read gets 403 and types the name instead. */
  searchEntities: (q: string, opts?: CallOptions) =>
    request('/entities', { query: { q, limit: 10 }, schema: ZEntityHits, signal: opts?.signal }),
};

/** The no-login portal. The submit carries an Idempotency-Key, which the shared client does not send. */
export const portalApi = {
  async submit(body: TPublicIntakeInput, idempotencyKey: string): Promise<TIntakeResult> {
    let res: Response;
    try {
      res = await fetch('/api/v1/public/complaints', {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
        body: JSON.stringify(body),
      });
    } catch {
      throw ApiError.network();
    }
    if (!res.ok) throw await ApiError.fromResponse(res);
    notifyWrite('/public/complaints');
    const parsed = ZIntakeResult.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw ApiError.contract('/public/complaints');
    return parsed.data;
  },
  categories: (opts?: CallOptions) =>
    request('/public/complaints/categories', { schema: z.array(ZCategory), signal: opts?.signal }),
  upload: (file: File) =>
    request('/public/complaints/uploads', { method: 'POST', body: fileForm(file), schema: ZUploadedAttachment }),
  // The code and the phone digits go in the body, never in a URL (which access logs and history keep).
  track: (trackingCode: string, phoneLast4: string) =>
    request('/public/complaints/track', {
      method: 'POST',
      body: { trackingCode, phoneLast4 },
      schema: ZPublicTracking,
    }),
  rate: (trackingCode: string, phoneLast4: string, satisfaction: number) =>
    request('/public/complaints/satisfaction', {
      method: 'POST',
      body: { trackingCode, phoneLast4, satisfaction },
      schema: ZOk,
    }),
};
