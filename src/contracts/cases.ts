import { penaltyKinds } from '../domain/case-settings.ts';
import { type CaseAction, caseTransitions } from '../domain/case-workflow.ts';
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
  /** What is being approved: the proposed penalties (告知) or those the case carries; empty for a lead. */
  penalties: z.array(z.object({ kind: z.string(), amountFen: z.coerce.number().int() })),
});
export const ZApprovalQuery = z.object({ mine: z.enum(['pending']).default('pending') });
export const ZApprovalDecisionBody = z.object({
  outcome: ZApprovalOutcome,
  comment: z.string().trim().max(2000).optional(),
});

export type TApproval = z.infer<typeof ZApproval>;
export type TApprovalInboxItem = z.infer<typeof ZApprovalInboxItem>;

// ---- transitions
export { penaltyKinds };
export const discretionKinds = ['standard', 'lighter', 'mitigated', 'heavier', 'exempt'] as const;
export const ZPenaltyInput = z.object({
  kind: z.enum(penaltyKinds),
  amountFen: z.number().int().min(0).max(1e13).default(0),
  discretion: z.enum(discretionKinds).default('standard'),
  discretionBasis: z.string().trim().max(1000).optional(),
});
const text = (max = 5000) => z.string().trim().min(1, '不能为空').max(max);
export const caseActionNames = Object.keys(caseTransitions) as [CaseAction, ...CaseAction[]];
/**
 * One transition: the action, the version the caller saw, and the fields the action requires
 * (caseTransitions[action].requires). Unknown fields are kept for the actions other services add.
 */
export const ZTransitionBody = z.looseObject({
  action: z.enum(caseActionNames),
  version: ZVersion,
  reason: text().optional(),
  ground: text().optional(),
  report: text(20000).optional(),
  minutes: text(20000).optional(),
  note: text().optional(),
  targetCaseId: ZId.optional(),
  hearingOn: ZIsoDate.optional(),
  decisionKind: z.enum(['penalty', 'no_penalty', 'transfer']).optional(),
  servedOn: ZIsoDate.optional(),
  serveMethod: z.enum(['on_the_spot', 'direct', 'left_at_address', 'post', 'electronic', 'public_notice']).optional(),
  penalties: z.array(ZPenaltyInput).min(1, '至少填写一项处罚').max(20).optional(),
  /** extendCollective: the days the collective decision adds (default 30). */
  days: z.number().int().min(1).max(365).optional(),
  /** summaryFile: the day the summary decision was filed (备案) with the unit. */
  summaryFiledOn: ZIsoDate.optional(),
  /** pauseClock: why the clock stops (检测/检验/检疫/鉴定, 权利人辨认, 公告). */
  pauseReason: z.enum(['testing', 'identification', 'public_notice']).optional(),
});
export type TTransitionBody = z.infer<typeof ZTransitionBody>;

// ---- list and detail
export const ZClock = z.object({
  dueOn: ZIsoDate,
  daysLeft: z.number().int(),
  paused: z.boolean(),
  overdue: z.boolean(),
});
/** 简易程序备案: due day, the day recorded; overdue = not recorded and past due, late = recorded after it. */
export const ZSummaryFiling = z.object({
  dueOn: ZIsoDate,
  filedOn: ZIsoDate.nullable(),
  daysLeft: z.number().int(),
  overdue: z.boolean(),
  late: z.boolean(),
});
export const ZSummaryFilingCounts = z.object({
  /** Summary decisions in reach not yet filed. */
  unfiled: z.number().int(),
  /** Of those, past their due day. */
  overdue: z.number().int(),
  asOf: ZIsoDate,
});
export const ZCaseQuery = ZPageQuery.extend({
  /** Statuses, comma-separated (a stage of the list). */
  stage: z.string().max(300).optional(),
  stationId: ZId.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Summary decisions whose 备案 is past due and not recorded. */
  filingOverdue: z.enum(['true', 'false']).optional(),
  /** The cases whose party is this registered entity (the entity page). */
  entityId: ZId.optional(),
  q: z.string().trim().max(100).optional(),
});
/** The export takes the list's filters (everything matching, not one page). */
export const ZCaseExportQuery = ZCaseQuery.omit({ limit: true, cursor: true });
export type TCaseExportQuery = z.infer<typeof ZCaseExportQuery>;
export const ZCaseListItem = z.object({
  id: z.number().int(),
  caseNo: z.string().nullable(),
  procedure: z.enum(['general', 'summary']),
  status: z.string(),
  statusLabel: z.string(),
  pendingAction: z.string().nullable(),
  partyKind: z.enum(['organisation', 'person']),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  title: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  filedOn: ZIsoDate.nullable(),
  decidedOn: ZIsoDate.nullable(),
  closedOn: ZIsoDate.nullable(),
  isMajor: z.boolean(),
  decisionKind: z.string().nullable(),
  fineDueFen: z.number().int(),
  clock: ZClock.nullable(),
  /** 简易程序 only. */
  summaryFiling: ZSummaryFiling.nullable(),
  createdAt: ZTimestamp,
  /** 承办人, the lead officer first (the detail adds each one's credential number). */
  officers: z.array(z.object({ userId: z.number().int(), name: z.string(), leadOfficer: z.boolean() })),
});
export const ZCaseStep = z.object({
  id: z.number().int(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  at: ZTimestamp,
  note: z.string().nullable(),
  documentId: z.number().int().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const ZCaseDetail = ZCaseListItem.extend({
  leadId: z.number().int().nullable(),
  entityId: z.number().int().nullable(),
  partyAddress: z.string().nullable(),
  facts: z.string().nullable(),
  actOn: ZIsoDate.nullable(),
  limitationExpiresOn: ZIsoDate.nullable(),
  decisionExtensions: z.number().int(),
  decisionExtraDays: z.number().int(),
  needsCollective: z.boolean(),
  hearingRight: z.boolean(),
  notifiedOn: ZIsoDate.nullable(),
  statementDueOn: ZIsoDate.nullable(),
  decisionNo: z.string().nullable(),
  servedOn: ZIsoDate.nullable(),
  serveMethod: z.string().nullable(),
  paymentDueOn: ZIsoDate.nullable(),
  paidFen: z.number().int(),
  caseValueFen: z.number().int(),
  goodsValueFen: z.number().int(),
  confiscatedFen: z.number().int(),
  transferredToJudiciary: z.boolean(),
  typical: z.boolean(),
  officers: z.array(
    z.object({
      userId: z.number().int(),
      name: z.string(),
      credentialNo: z.string(),
      leadOfficer: z.boolean(),
    }),
  ),
  violations: z.array(
    z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      legalBasis: z.string(),
      penaltyBasis: z.string(),
    }),
  ),
  penalties: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      kindLabel: z.string(),
      amountFen: z.number().int(),
      discretion: z.string(),
      discretionBasis: z.string().nullable(),
    }),
  ),
  steps: z.array(ZCaseStep),
  approvals: z.array(ZApproval),
  pauses: z.array(
    z.object({
      id: z.number().int(),
      reason: z.string(),
      note: z.string().nullable(),
      startedOn: ZIsoDate,
      endedOn: ZIsoDate.nullable(),
    }),
  ),
  clocks: z.object({
    decision: ZClock.nullable(),
    statementDueOn: ZIsoDate.nullable(),
    legalReviewDueOn: ZIsoDate.nullable(),
    paymentDueOn: ZIsoDate.nullable(),
    limitationExpiresOn: ZIsoDate.nullable(),
  }),
  allowedActions: z.array(z.string()),
  pendingApproval: z
    .object({ requestId: z.number().int(), action: z.string(), step: z.string(), waitingFor: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
});
export type TCaseListItem = z.infer<typeof ZCaseListItem>;
export type TCaseDetail = z.infer<typeof ZCaseDetail>;
export type TSummaryFiling = z.infer<typeof ZSummaryFiling>;
export type TSummaryFilingCounts = z.infer<typeof ZSummaryFilingCounts>;
