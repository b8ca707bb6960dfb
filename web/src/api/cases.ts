import { z } from 'zod';
import { ZCaseDocumentList, type ZSummaryBody, ZSummaryResult } from '../../../src/contracts/case-documents.ts';
import {
  type ZEnforcementBody,
  ZEvidence,
  type ZEvidenceBody,
  ZEvidenceList,
  ZExecution,
  type ZInstalmentBody,
  type ZPaymentBody,
} from '../../../src/contracts/case-execution.ts';
import {
  ZCaseOfficer,
  ZCaseProposal,
  type ZCaseProposalBody,
  ZCaseSettingsView,
  ZLead,
  ZLeadDetail,
  type ZLeadProposalBody,
  type ZLeadTransitionBody,
  ZViolationType,
} from '../../../src/contracts/case-leads.ts';
import {
  ZApproval,
  ZApprovalInboxItem,
  ZCaseDetail,
  ZCaseListItem,
  ZSummaryFilingCounts,
  type ZTransitionBody,
} from '../../../src/contracts/cases.ts';
import { ZPage } from '../../../src/contracts/common.ts';
import { ZStoredFile } from '../../../src/contracts/files.ts';
import { type CallOptions, request, toQueryString } from './client.ts';

/**
 * 执法办案 API: leads, proposing, the dictionary, officers and settings (case-leads), cases and approvals (cases),
 * documents and the summary procedure (case-documents), evidence and execution (case-execution).
 */
export type TLeadSummary = z.output<typeof ZLead>;
export type TLeadDetail = z.output<typeof ZLeadDetail>;
export type TCaseSummary = z.output<typeof ZCaseListItem>;
export type TCaseDetail = z.output<typeof ZCaseDetail>;
export type TCaseApproval = z.output<typeof ZApproval>;
export type TEvidence = z.output<typeof ZEvidence>;
export type TCaseDocument = z.output<typeof ZCaseDocumentList>['items'][number];
export type TExecution = z.output<typeof ZExecution>;
export type TPendingApproval = z.output<typeof ZApprovalInboxItem>;
export type TViolationType = z.output<typeof ZViolationType>;
export type TOfficerCandidate = z.output<typeof ZCaseOfficer>;
export type TCaseSettingsView = z.output<typeof ZCaseSettingsView>;
export type TCaseSettings = TCaseSettingsView['settings'];

export type ProposeCaseInput = z.input<typeof ZCaseProposalBody>;
export type LeadProposeInput = z.input<typeof ZLeadProposalBody>;
export type LeadTransitionInput = z.input<typeof ZLeadTransitionBody>;
export type CaseTransitionInput = z.input<typeof ZTransitionBody>;
export type PenaltyInput = NonNullable<CaseTransitionInput['penalties']>[number];
export type SummaryInput = z.input<typeof ZSummaryBody>;
export type EvidenceInput = z.input<typeof ZEvidenceBody>;
export type PaymentInput = z.input<typeof ZPaymentBody>;
export type InstalmentInput = z.input<typeof ZInstalmentBody>;
export type EnforcementInput = z.input<typeof ZEnforcementBody>;

export interface LeadListQuery {
  status?: string;
  sourceType?: string;
  overdue?: boolean;
  mine?: boolean;
  q?: string;
  limit?: number;
  cursor?: string;
}
export interface CaseListQuery {
  /** Statuses, comma-separated (one stage of the list). */
  stage?: string;
  mine?: boolean;
  overdue?: boolean;
  /** Summary decisions whose 备案 is past due. */
  filingOverdue?: boolean;
  /** The cases whose party is this registered entity. */
  entityId?: number;
  q?: string;
  limit?: number;
  cursor?: string;
}

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);
const fileForm = (file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
};

/** PDF / DOCX of a numbered document (same-origin, with the session cookie). */
export const documentUrl = (id: number, format: 'pdf' | 'docx') => `/api/v1/case-documents/${id}/${format}`;
export const evidenceFileUrl = (caseId: number, evidenceId: number) =>
  `/api/v1/cases/${caseId}/evidence/${evidenceId}/file`;

/** The case list as Excel with the same filters (a link the browser downloads itself, with the session cookie). */
export const caseExportUrl = ({ limit: _, cursor: __, ...query }: CaseListQuery) =>
  `/api/v1/cases/export${toQueryString({ ...query, overdue: flag(query.overdue), mine: flag(query.mine), filingOverdue: flag(query.filingOverdue) })}`;

export const casesApi = {
  leads: (query: LeadListQuery, opts?: CallOptions) =>
    request('/case-leads', {
      query: { ...query, overdue: flag(query.overdue), mine: flag(query.mine) },
      schema: ZPage(ZLead),
      signal: opts?.signal,
    }),
  lead: (id: number, opts?: CallOptions) => request(`/case-leads/${id}`, { schema: ZLeadDetail, signal: opts?.signal }),
  leadTransition: (id: number, body: LeadTransitionInput) =>
    request(`/case-leads/${id}/transitions`, { method: 'POST', body, schema: ZLeadDetail }),
  proposeFromLead: (leadId: number, body: LeadProposeInput) =>
    request(`/case-leads/${leadId}/case`, { method: 'POST', body, schema: ZCaseProposal }),
  propose: (body: ProposeCaseInput) => request('/cases', { method: 'POST', body, schema: ZCaseProposal }),

  list: (query: CaseListQuery, opts?: CallOptions) =>
    request('/cases', {
      query: {
        ...query,
        overdue: flag(query.overdue),
        mine: flag(query.mine),
        filingOverdue: flag(query.filingOverdue),
      },
      schema: ZPage(ZCaseListItem),
      signal: opts?.signal,
    }),
  summaryFilingCounts: (opts?: CallOptions) =>
    request('/cases/summary-filings', { schema: ZSummaryFilingCounts, signal: opts?.signal }),
  get: (id: number, opts?: CallOptions) => request(`/cases/${id}`, { schema: ZCaseDetail, signal: opts?.signal }),
  transition: (id: number, body: CaseTransitionInput) =>
    request(`/cases/${id}/transitions`, { method: 'POST', body, schema: ZCaseDetail }),

  approvalsInbox: (opts?: CallOptions) =>
    request('/case-approvals', {
      query: { mine: 'pending' },
      schema: z.object({ items: z.array(ZApprovalInboxItem) }),
      signal: opts?.signal,
    }),
  decideApproval: (id: number, outcome: 'approved' | 'returned', comment: string) =>
    request(`/case-approvals/${id}/decision`, {
      method: 'POST',
      body: { outcome, comment: comment || undefined },
      schema: ZApproval,
    }),

  documents: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/documents`, { schema: ZCaseDocumentList, signal: opts?.signal }),
  evidence: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/evidence`, { schema: ZEvidenceList, signal: opts?.signal }),
  /** A file for the case first (multipart), then the evidence item naming it. */
  async addEvidence(caseId: number, file: File, fields: Omit<EvidenceInput, 'fileId'>) {
    const stored = await request(`/cases/${caseId}/evidence/files`, {
      method: 'POST',
      body: fileForm(file),
      schema: ZStoredFile,
    });
    return request(`/cases/${caseId}/evidence`, {
      method: 'POST',
      body: { ...fields, fileId: stored.id },
      schema: ZEvidence,
    });
  },
  execution: (caseId: number, opts?: CallOptions) =>
    request(`/cases/${caseId}/execution`, { schema: ZExecution, signal: opts?.signal }),
  recordPayment: (caseId: number, body: PaymentInput) =>
    request(`/cases/${caseId}/payments`, { method: 'POST', body, schema: ZExecution }),
  requestInstalments: (caseId: number, body: InstalmentInput) =>
    request(`/cases/${caseId}/instalments`, { method: 'POST', body, schema: ZExecution }),
  applyEnforcement: (caseId: number, body: EnforcementInput) =>
    request(`/cases/${caseId}/enforcement`, { method: 'POST', body, schema: ZExecution }),

  summary: (body: SummaryInput) => request('/cases/summary', { method: 'POST', body, schema: ZSummaryResult }),

  violationTypes: (opts?: CallOptions) =>
    request('/case-violation-types', {
      schema: z.object({ items: z.array(ZViolationType) }),
      signal: opts?.signal,
    }),
  officerCandidates: (q: string, opts?: CallOptions) =>
    request('/case-officers', {
      query: { q: q || undefined },
      schema: z.object({ items: z.array(ZCaseOfficer) }),
      signal: opts?.signal,
    }),
  settings: (opts?: CallOptions) => request('/case-settings', { schema: ZCaseSettingsView, signal: opts?.signal }),
  saveSettings: (settings: TCaseSettings, version: number) =>
    request('/case-settings', { method: 'PUT', body: { settings, version }, schema: ZCaseSettingsView }),
};
