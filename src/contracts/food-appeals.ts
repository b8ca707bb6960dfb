import { appealStatuses, replyStatuses, revisitStatuses } from '../domain/food-appeals.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 申诉、答复与复评 (issue 13 point 6): the business's appeal, reply and re-rating request, staff and portal sides. */
export const ZAppealStatus = z.enum(appealStatuses);
export const ZReplyStatus = z.enum(replyStatuses);
export const ZRevisitStatus = z.enum(revisitStatuses);
export const dynamicGrades = ['excellent', 'good', 'fair', 'none'] as const;
export const annualGrades = ['A', 'B', 'C'] as const;
export const ZGradeValue = z.enum([...dynamicGrades, ...annualGrades]);
export const ZChannel = z.enum(['portal', 'paper']);

export const ZGradeSummary = z.object({
  id: z.number().int(),
  kind: z.enum(['dynamic', 'annual']),
  grade: ZGradeValue,
  gradedOn: ZIsoDate,
  status: z.enum(['current', 'superseded', 'withdrawn']),
  /** The last day to appeal it (calendar days, extended past a rest day). */
  appealUntil: ZIsoDate,
});

export const ZAppeal = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  grade: ZGradeSummary,
  grounds: z.string(),
  channel: ZChannel,
  receivedOn: ZIsoDate,
  dueOn: ZIsoDate,
  status: ZAppealStatus,
  outcomeReason: z.string().nullable(),
  newGrade: ZGradeValue.nullable(),
  decidedAt: ZTimestamp.nullable(),
  decidedByName: z.string().nullable(),
  fileIds: z.array(z.number().int()),
  version: ZVersion,
});
export type TAppeal = z.infer<typeof ZAppeal>;

export const ZAppealQuery = ZPageQuery.extend({
  status: ZAppealStatus.optional(),
  businessId: ZId.optional(),
});

/** 纸质申诉: staff record a written appeal on the business's behalf. */
export const ZPaperAppealBody = z.object({
  gradeId: ZId,
  grounds: z.string().trim().min(5, '申诉理由至少 5 个字').max(2000),
  receivedOn: ZIsoDate,
  contactName: z.string().trim().max(40).optional(),
  contactPhone: z.string().trim().max(30).optional(),
});

export const ZAppealDecisionBody = z.object({
  outcome: z.enum(['uphold', 'change', 'withdrawGrade']),
  reason: z.string().trim().min(5, '决定理由至少 5 个字').max(2000),
  /** For `change`: the grade that replaces the appealed one (of the same kind). */
  grade: ZGradeValue.optional(),
  version: ZVersion,
});
export type TAppealDecisionBody = z.infer<typeof ZAppealDecisionBody>;

export const ZReply = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  grade: ZGradeSummary,
  body: z.string(),
  channel: ZChannel,
  status: ZReplyStatus,
  reviewDueOn: ZIsoDate.nullable(),
  rejectReason: z.string().nullable(),
  publishedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  version: ZVersion,
});
export type TReply = z.infer<typeof ZReply>;
export const ZReplyQuery = ZPageQuery.extend({ status: ZReplyStatus.optional(), businessId: ZId.optional() });
export const ZReplyReviewBody = z.object({
  decision: z.enum(['publish', 'reject']),
  reason: z.string().trim().max(500).optional(),
  version: ZVersion,
});

export const ZRevisit = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  reason: z.string(),
  channel: ZChannel,
  requestedOn: ZIsoDate,
  dueOn: ZIsoDate,
  status: ZRevisitStatus,
  rejectReason: z.string().nullable(),
  inspectionId: z.number().int().nullable(),
  plannedOn: ZIsoDate.nullable(),
  version: ZVersion,
});
export type TRevisit = z.infer<typeof ZRevisit>;
export const ZRevisitQuery = ZPageQuery.extend({ status: ZRevisitStatus.optional(), businessId: ZId.optional() });
export const ZRevisitDecisionBody = z.object({
  decision: z.enum(['accept', 'reject']),
  reason: z.string().trim().max(500).optional(),
  /** For `accept`: the planned date (default: FOOD_REVISIT_PLAN_WORKING_DAYS working days on). */
  plannedOn: ZIsoDate.optional(),
  version: ZVersion,
});
export const ZPaperRevisitBody = z.object({
  reason: z.string().trim().min(5, '申请理由至少 5 个字').max(1000),
  requestedOn: ZIsoDate,
});

export const ZAccessCodeIssued = z.object({ businessId: z.number().int(), code: z.string(), issuedAt: ZTimestamp });
export type TAccessCodeIssued = z.infer<typeof ZAccessCodeIssued>;

// ---- the business on the portal (no login; the access code in the body, never in a URL) ----

const ZAccessCode = z.string().trim().min(1, '请输入访问码').max(40);
export const ZPortalAccessBody = z.object({ accessCode: ZAccessCode });
export const ZPortalAppealBody = z.object({
  accessCode: ZAccessCode,
  gradeId: ZId,
  grounds: z.string().trim().min(5, '申诉理由至少 5 个字').max(2000),
  contactName: z.string().trim().max(40).optional(),
  contactPhone: z.string().trim().max(30).optional(),
});
export const ZPortalReplyBody = z.object({
  accessCode: ZAccessCode,
  gradeId: ZId,
  body: z.string().trim().min(1, '请填写答复内容').max(1000, '答复不超过 1000 字'),
});
export const ZPortalRevisitBody = z.object({
  accessCode: ZAccessCode,
  reason: z.string().trim().min(5, '请说明已完成的整改（至少 5 个字）').max(1000),
});

export const ZPortalBusiness = z.object({
  businessId: z.number().int(),
  entityName: z.string(),
  grades: z.array(ZGradeSummary),
  appeals: z.array(ZAppeal.omit({ entityName: true, stationName: true, decidedByName: true, fileIds: true })),
  replies: z.array(ZReply.omit({ entityName: true, stationName: true })),
  revisits: z.array(ZRevisit.omit({ entityName: true, stationName: true })),
  /** The first day a new re-rating request is accepted (today or later). */
  revisitAllowedFrom: ZIsoDate,
});
export type TPortalBusiness = z.infer<typeof ZPortalBusiness>;

/** What anyone may see beside a business's grades: decided appeals and published replies. */
export const ZGradeNotes = z.object({
  businessId: z.number().int(),
  appeals: z.array(
    z.object({
      gradeId: z.number().int(),
      receivedOn: ZIsoDate,
      status: ZAppealStatus,
      outcomeReason: z.string().nullable(),
      newGrade: ZGradeValue.nullable(),
      decidedAt: ZTimestamp.nullable(),
    }),
  ),
  replies: z.array(z.object({ gradeId: z.number().int(), body: z.string(), publishedAt: ZTimestamp })),
});
export type TGradeNotes = z.infer<typeof ZGradeNotes>;
