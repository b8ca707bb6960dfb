import { z } from 'zod';
import { ZOk, ZPage } from '../../../src/contracts/common.ts';
import { type CallOptions, request } from './client.ts';

/*
 * 执法办案 API: leads (H1), cases and approvals (H2), documents and the summary procedure (H3), evidence and
 * execution (H7). PROVISIONAL schemas until src/contracts/case-*.ts land; then these re-export the contracts.
 */

const ZOfficer = z.object({
  userId: z.number(),
  name: z.string(),
  credentialNo: z.string().nullable().optional(),
  leadOfficer: z.boolean().optional(),
});

export const ZLeadSummary = z.object({
  id: z.number(),
  sourceType: z.string(),
  sourceRef: z.string().nullable().optional(),
  title: z.string(),
  partyName: z.string().nullable().optional(),
  entityId: z.number().nullable().optional(),
  stationName: z.string().nullable().optional(),
  status: z.string(),
  receivedOn: z.string(),
  verifyDueOn: z.string().nullable(),
  extended: z.boolean(),
  paused: z.boolean(),
  overdue: z.boolean().optional(),
  caseId: z.number().nullable().optional(),
  version: z.number(),
});
export const ZLeadDetail = ZLeadSummary.extend({
  description: z.string().nullable().optional(),
  extensionReason: z.string().nullable().optional(),
  outcomeGround: z.string().nullable().optional(),
  outcomeNote: z.string().nullable().optional(),
  allowedActions: z.array(z.string()),
  pauses: z
    .array(z.object({ reason: z.string(), startedOn: z.string(), endedOn: z.string().nullable() }))
    .optional()
    .default([]),
  limitationWarning: z.string().nullable().optional(),
});

export const ZCaseSummary = z.object({
  id: z.number(),
  caseNo: z.string().nullable(),
  procedure: z.string(),
  status: z.string(),
  pendingAction: z.string().nullable().optional(),
  partyName: z.string(),
  title: z.string(),
  officers: z.array(ZOfficer),
  stationName: z.string().nullable().optional(),
  filedOn: z.string().nullable(),
  decisionDueOn: z.string().nullable(),
  paused: z.boolean(),
  overdue: z.boolean().optional(),
  isMajor: z.boolean(),
});

const ZStep = z.object({
  id: z.number(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  note: z.string().nullable(),
  documentId: z.number().nullable(),
  documentNo: z.string().nullable().optional(),
});
const ZApprovalRow = z.object({
  id: z.number(),
  requestId: z.number(),
  step: z.string(),
  action: z.string(),
  seq: z.number(),
  roleCode: z.string(),
  requestedByName: z.string().nullable().optional(),
  requestedAt: z.string(),
  outcome: z.string().nullable(),
  decidedByName: z.string().nullable().optional(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
const ZPenalty = z.object({
  id: z.number().optional(),
  kind: z.string(),
  amountFen: z.number(),
  discretion: z.string(),
  discretionBasis: z.string().nullable(),
  note: z.string().nullable().optional(),
});
const ZViolation = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const ZCaseDetail = ZCaseSummary.extend({
  version: z.number(),
  entityId: z.number().nullable(),
  partyKind: z.string(),
  partyUscc: z.string().nullable(),
  partyAddress: z.string().nullable().optional(),
  facts: z.string().nullable(),
  actOn: z.string().nullable(),
  limitationExpiresOn: z.string().nullable(),
  statementDueOn: z.string().nullable(),
  notifiedOn: z.string().nullable().optional(),
  decisionKind: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decidedOn: z.string().nullable(),
  servedOn: z.string().nullable(),
  paymentDueOn: z.string().nullable().optional(),
  fineDueFen: z.number(),
  paidFen: z.number(),
  caseValueFen: z.number(),
  goodsValueFen: z.number(),
  hearingRight: z.boolean().optional(),
  needsCollective: z.boolean().optional(),
  decisionExtensions: z.number().optional(),
  closedOn: z.string().nullable(),
  leadId: z.number().nullable(),
  violations: z.array(ZViolation),
  penalties: z.array(ZPenalty),
  steps: z.array(ZStep),
  approvals: z.array(ZApprovalRow),
  allowedActions: z.array(z.string()),
});

export const ZEvidence = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  fileId: z.number().nullable(),
  filename: z.string().nullable().optional(),
  sha256: z.string().nullable(),
  collectedOn: z.string(),
  collectedByName: z.string().nullable().optional(),
});
export const ZCaseDocument = z.object({
  id: z.number(),
  kind: z.string(),
  docNo: z.string(),
  createdAt: z.string(),
});
export const ZPayment = z.object({
  id: z.number(),
  kind: z.string(),
  amountFen: z.number(),
  paidOn: z.string(),
  receiptNo: z.string().nullable(),
});
export const ZExecution = z.object({
  fineDueFen: z.number(),
  paidFen: z.number(),
  lateFeeFen: z.number(),
  paymentDueOn: z.string().nullable(),
  payments: z.array(ZPayment),
});
export const ZPendingApproval = z.object({
  id: z.number(),
  requestId: z.number(),
  caseId: z.number().nullable(),
  leadId: z.number().nullable(),
  caseNo: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  step: z.string(),
  action: z.string(),
  roleCode: z.string(),
  requestedByName: z.string().nullable().optional(),
  requestedAt: z.string(),
  payload: z.record(z.string(), z.unknown()).optional(),
});
export const ZViolationType = z.object({
  id: z.number(),
  code: z.string(),
  area: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  penaltyBasis: z.string(),
  involvesSafety: z.boolean(),
});
export const ZCaseOfficerCandidate = z.object({
  id: z.number(),
  displayName: z.string(),
  unitName: z.string().nullable().optional(),
  credentialNo: z.string().nullable(),
  credentialExpiresOn: z.string().nullable(),
  valid: z.boolean(),
});
export const ZCaseSettingsView = z.object({
  settings: z.record(z.string(), z.unknown()),
  version: z.number(),
});
export const ZSummaryResult = z.object({
  caseId: z.number(),
  documentId: z.number(),
  docNo: z.string(),
});

export type TLeadSummary = z.output<typeof ZLeadSummary>;
export type TLeadDetail = z.output<typeof ZLeadDetail>;
export type TCaseSummary = z.output<typeof ZCaseSummary>;
export type TCaseDetail = z.output<typeof ZCaseDetail>;
export type TCaseStep = TCaseDetail['steps'][number];
export type TCaseApproval = TCaseDetail['approvals'][number];
export type TPenalty = TCaseDetail['penalties'][number];
export type TEvidence = z.output<typeof ZEvidence>;
export type TCaseDocument = z.output<typeof ZCaseDocument>;
export type TExecution = z.output<typeof ZExecution>;
export type TPendingApproval = z.output<typeof ZPendingApproval>;
export type TViolationType = z.output<typeof ZViolationType>;
export type TOfficerCandidate = z.output<typeof ZCaseOfficerCandidate>;

export interface LeadListQuery {
  status?: string;
  sourceType?: string;
  overdue?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}
export interface CaseListQuery {
  stage?: string;
  officer?: 'me';
  overdue?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}

export interface ProposeCaseInput {
  entityId?: number | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc?: string | null;
  partyIdNo?: string | null;
  partyAddress?: string | null;
  title: string;
  facts: string;
  actOn: string;
  violationTypeIds: number[];
  officerIds: number[];
  leadOfficerId?: number;
  caseValueFen?: number;
  goodsValueFen?: number;
}

export interface PenaltyInput {
  kind: string;
  amountFen: number;
  discretion: string;
  discretionBasis?: string | null;
  note?: string | null;
}

export interface CaseTransitionInput {
  action: string;
  version: number;
  reason?: string;
  report?: string;
  minutes?: string;
  hearingOn?: string;
  decisionKind?: string;
  servedOn?: string;
  serveMethod?: string;
  note?: string;
  penalties?: PenaltyInput[];
  amountFen?: number;
  paidOn?: string;
  receiptNo?: string;
  pauseReason?: string;
}

export interface LeadTransitionInput {
  action: string;
  version: number;
  reason?: string;
  ground?: string;
  note?: string;
  targetCaseId?: number;
  transferredTo?: string;
  pauseReason?: string;
}

export interface SummaryInput {
  entityId?: number | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc?: string | null;
  partyIdNo?: string | null;
  partyAddress?: string | null;
  violationTypeIds: number[];
  facts: string;
  actOn: string;
  penalties: PenaltyInput[];
  officerIds: number[];
}

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);
const fileForm = (file: File, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  return form;
};

/** PDF / DOCX of a numbered document (same-origin, with the session cookie). */
export const documentUrl = (id: number, format: 'pdf' | 'docx') => `/api/v1/case-documents/${id}/${format}`;
export const evidenceFileUrl = (caseId: number, evidenceId: number) =>
  `/api/v1/cases/${caseId}/evidence/${evidenceId}/file`;

export const casesApi = {
  leads: (query: LeadListQuery, opts?: CallOptions) =>
    request('/case-leads', {
      query: { ...query, overdue: flag(query.overdue) },
      schema: ZPage(ZLeadSummary),
      signal: opts?.signal,
    }),
  lead: (id: number, opts?: CallOptions) => request(`/case-leads/${id}`, { schema: ZLeadDetail, signal: opts?.signal }),
  leadTransition: (id: number, body: LeadTransitionInput) =>
    request(`/case-leads/${id}/transitions`, { method: 'POST', body, schema: ZLeadDetail }),
  proposeFromLead: (leadId: number, body: ProposeCaseInput) =>
    request(`/case-leads/${leadId}/case`, { method: 'POST', body, schema: ZCaseDetail }),
  propose: (body: ProposeCaseInput) => request('/cases', { method: 'POST', body, schema: ZCaseDetail }),

  list: (query: CaseListQuery, opts?: CallOptions) =>
    request('/cases', {
      query: { ...query, overdue: flag(query.overdue) },
      schema: ZPage(ZCaseSummary),
      signal: opts?.signal,
    }),
  get: (id: number, opts?: CallOptions) => request(`/cases/${id}`, { schema: ZCaseDetail, signal: opts?.signal }),
  transition: (id: number, body: CaseTransitionInput) =>
    request(`/cases/${id}/transitions`, { method: 'POST', body, schema: ZCaseDetail }),

  approvalsInbox: (opts?: CallOptions) =>
    request('/case-approvals', {
      query: { mine: 'pending' },
      schema: z.object({ items: z.array(ZPendingApproval) }),
      signal: opts?.signal,
    }),
  decideApproval: (id: number, outcome: 'approved' | 'returned', comment: string) =>
    request(`/case-approvals/${id}/decision`, { method: 'POST', body: { outcome, comment }, schema: ZOk }),

  documents: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/documents`, {
      schema: z.object({ items: z.array(ZCaseDocument) }),
      signal: opts?.signal,
    }),
  evidence: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/evidence`, { schema: z.object({ items: z.array(ZEvidence) }), signal: opts?.signal }),
  addEvidence: (caseId: number, file: File, fields: { kind: string; title: string }) =>
    request(`/cases/${caseId}/evidence`, { method: 'POST', body: fileForm(file, fields), schema: ZEvidence }),
  execution: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/execution`, { schema: ZExecution, signal: opts?.signal }),

  summary: (body: SummaryInput) => request('/cases/summary', { method: 'POST', body, schema: ZSummaryResult }),

  violationTypes: (opts?: CallOptions) =>
    request('/case-violation-types', {
      schema: z.object({ items: z.array(ZViolationType) }),
      signal: opts?.signal,
    }),
  officerCandidates: (q: string, opts?: CallOptions) =>
    request('/case-officers', {
      query: { q },
      schema: z.object({ items: z.array(ZCaseOfficerCandidate) }),
      signal: opts?.signal,
    }),
  settings: (opts?: CallOptions) => request('/case-settings', { schema: ZCaseSettingsView, signal: opts?.signal }),
  saveSettings: (settings: Record<string, unknown>, version: number) =>
    request('/case-settings', { method: 'PUT', body: { settings, version }, schema: ZCaseSettingsView }),
};
