import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 执法办案: case list/detail, transitions, approvals (src/domain/case-workflow.ts is the transition table). */

// ---- approvals
export const ZApprovalOutcome = z.enum(['approved', 'returned']);
export const ZApproval = z.object({
  id: z.number().int(),
  caseId: z.number().int().nullable(),
  leadId: z.number().int().nullable(),
  requestId: z.number().int(),
  step: z.string(),
  stepLabel: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  payload: z.record(z.string(), z.unknown()),
  seq: z.number().int(),
  roleCode: z.string(),
  requestedBy: z.number().int(),
  requestedByName: z.string().nullable(),
  requestedAt: ZTimestamp,
  dueOn: ZIsoDate.nullable(),
  outcome: z.enum(['approved', 'returned', 'cancelled']).nullable(),
  decidedBy: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  comment: z.string().nullable(),
});
export const ZApprovalInboxItem = ZApproval.extend({
  title: z.string(),
  caseNo: z.string().nullable(),
  stationId: z.number().int(),
});
export const ZApprovalQuery = z.object({ mine: z.enum(['pending']).default('pending') });
export const ZApprovalDecisionBody = z.object({
  outcome: ZApprovalOutcome,
  comment: z.string().trim().max(2000).optional(),
});

export type TApproval = z.infer<typeof ZApproval>;
export type TApprovalInboxItem = z.infer<typeof ZApprovalInboxItem>;
