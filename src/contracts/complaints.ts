import { complaintNoticeKinds } from '../domain/complaint-notices.ts';
import type { ComplaintAction, ComplaintStatus } from '../domain/complaint-workflow.ts';
import { ZId, ZIsoDate, ZTimestamp, ZVersion } from './common.ts';
import { ZIdCardNumber, ZUscc } from './entities.ts';
import { ZRegionCode } from './org.ts';
import { z } from './zod.ts';

export const complaintKinds = { complaint: '投诉', report: '举报', inquiry: '咨询' } as const;
export const complaintChannels = {
  phone: '12315电话',
  letter: '来信',
  visit: '来访',
  portal: '网上平台',
  open311: '外部系统',
  transfer: '转来',
} as const;

export const ZComplaintKind = z.enum(['complaint', 'report', 'inquiry']);
/** At intake a submission may be both; it is split into two linked records. */
export const ZIntakeKind = z.enum(['complaint', 'report', 'inquiry', 'complaintAndReport']);
export const ZStaffChannel = z.enum(['phone', 'letter', 'visit']);
export const ZComplaintStatus = z.enum([
  'received',
  'accepted',
  'rejected',
  'mediating',
  'mediationSucceeded',
  'mediationTerminated',
  'verifying',
  'caseOpened',
  'caseNotOpened',
  'answered',
  'transferred',
  'closed',
] satisfies ComplaintStatus[]);

const ZMobile = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请填写11位手机号码');

export const ZPerson = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(50),
  phone: ZMobile,
  idNumber: ZIdCardNumber.optional(),
  confidential: z.boolean().default(false),
});

export const ZBusinessRef = z
  .object({
    entityId: ZId.optional(),
    uscc: ZUscc.optional(),
    name: z.string().trim().min(2, '请填写经营者名称').max(200).optional(),
    address: z.string().trim().max(300).optional(),
  })
  .refine((b) => b.entityId || b.uscc || b.name, {
    message: '请填写被投诉（举报）经营者：统一社会信用代码、名称或从登记库选择',
    path: ['name'],
  });

export const ZIntakeBody = z.object({
  kind: ZIntakeKind,
  channel: ZStaffChannel,
  person: ZPerson,
  business: ZBusinessRef.optional(),
  regionCode: ZRegionCode.optional(),
  categoryCode: z.string().trim().min(1).max(64).optional(),
  amountFen: z.number().int('金额以分为单位，须为整数').min(0).max(1e13).optional(),
  description: z.string().trim().min(10, '请至少用10个字说明事由').max(5000),
  receivedOn: ZIsoDate.optional(),
  /** Tokens of files uploaded just before (POST …/uploads); each is claimed by this submission once. */
  attachments: z.array(z.string().trim().min(20).max(100)).max(10, '一次最多附10个文件').optional(),
});

export const ZPublicIntakeBody = ZIntakeBody.omit({ channel: true, receivedOn: true });

export const ZDeadline = z.object({
  step: z.string(),
  label: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  provisional: z.boolean(),
  metAt: ZTimestamp.nullable(),
  overdue: z.boolean(),
  extensionReason: z.string().nullable(),
});

export const ZComplaintSummary = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  kind: ZComplaintKind,
  channel: z.string(),
  status: ZComplaintStatus,
  statusLabel: z.string(),
  receivedOn: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  handlerId: z.number().int().nullable(),
  personName: z.string(),
  personPhone: z.string(),
  businessName: z.string().nullable(),
  entityId: z.number().int().nullable(),
  categoryCode: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
  escalationLevel: z.number().int(),
});

export const ZComplaintEvent = z.object({
  id: z.number().int(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  data: z.unknown(),
  actorName: z.string().nullable(),
  at: ZTimestamp,
});

/** Evidence on an item: name, size and SHA-256 shown, content at GET /files/:id. */
export const ZComplaintAttachment = z.object({
  id: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  addedAt: ZTimestamp,
});
export type TComplaintAttachment = z.infer<typeof ZComplaintAttachment>;

/** A file received ahead of the submission; the token goes into the submission's `attachments`. */
export const ZUploadedAttachment = z.object({
  token: z.string(),
  filename: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const ZComplaintDetail = ZComplaintSummary.extend({
  ruleSet: z.object({ code: z.string(), name: z.string(), citation: z.string() }),
  personIdMasked: z.string().nullable(),
  confidential: z.boolean(),
  /**
   * Identity is masked for everyone; true when the caller may reveal it (POST …/identity with a reason): handlers
   * of the owning unit, and the 12315 centre unless the reporter asked for confidentiality.
   */
  canRevealIdentity: z.boolean(),
  businessAddress: z.string().nullable(),
  regionCode: z.string().nullable(),
  amountFen: z.number().nullable(),
  description: z.string(),
  linkedId: z.number().int().nullable(),
  groundCode: z.string().nullable(),
  transferredTo: z.string().nullable(),
  resultText: z.string().nullable(),
  recoveredFen: z.number(),
  feedbackChannel: z.string().nullable(),
  feedbackText: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  caseLeadRef: z.string().nullable(),
  version: z.number().int(),
  attachments: z.array(ZComplaintAttachment),
  deadlines: z.array(ZDeadline),
  events: z.array(ZComplaintEvent),
  allowedActions: z.array(z.string()),
});

export const ZComplaintListQuery = z.object({
  kind: ZComplaintKind.optional(),
  status: ZComplaintStatus.optional(),
  stationId: ZId.optional(),
  handlerId: ZId.optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  entityId: ZId.optional(),
  receivedFrom: ZIsoDate.optional(),
  receivedTo: ZIsoDate.optional(),
  q: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(200).optional(),
});

/** The export takes the list's filters (everything matching, not one page). */
export const ZComplaintExportQuery = ZComplaintListQuery.omit({ limit: true, cursor: true });
export type TComplaintExportQuery = z.infer<typeof ZComplaintExportQuery>;

export const ZTransitionBody = z.object({
  action: z.enum([
    'accept',
    'reject',
    'startMediation',
    'mediationSucceeded',
    'terminateMediation',
    'startVerification',
    'extendVerification',
    'openCase',
    'declineCase',
    'answer',
    'transfer',
    'feedback',
  ] satisfies ComplaintAction[]),
  version: ZVersion,
  ground: z.string().trim().max(64).optional(),
  reason: z.string().trim().min(2).max(1000).optional(),
  recoveredFen: z.number().int().min(0).max(1e13).optional(),
  authority: z.string().trim().min(2).max(200).optional(),
  answerText: z.string().trim().min(2).max(5000).optional(),
  feedbackText: z.string().trim().min(2).max(5000).optional(),
  feedbackChannel: z.enum(['phone', 'sms', 'letter', 'portal', 'visit']).optional(),
  note: z.string().trim().max(1000).optional(),
});

export const ZReassignBody = z.object({
  stationId: ZId.optional(),
  handlerId: ZId.nullable().optional(),
  reason: z.string().trim().min(2, '请说明转办原因').max(500),
  version: ZVersion,
});

export const ZSatisfactionBody = z.object({ satisfaction: z.number().int().min(1).max(5), version: ZVersion });

/** A reason is required and audited; the identity itself never goes into the audit log. */
export const ZRevealIdentityBody = z.object({
  reason: z.string().trim().min(4, '请说明查看原因（4–200字）').max(200, '查看原因最多200字'),
});
export const ZComplaintIdentity = z.object({
  name: z.string(),
  phone: z.string(),
  idNumber: z.string().nullable(),
});

const ZTrackingCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^TS\d{8}[2-9A-Z]{6}$/, '查询码格式不正确');
/** Code and phone digits travel in a POST body, never in a URL (URLs end up in access logs and browser history). */
export const ZTrackingBody = z.object({
  trackingCode: ZTrackingCode,
  phoneLast4: z.string().regex(/^\d{4}$/, '请输入登记手机号的后4位'),
});
export const ZPublicTracking = z.object({
  trackingCode: z.string(),
  kind: ZComplaintKind,
  status: ZComplaintStatus,
  statusLabel: z.string(),
  receivedOn: z.string(),
  stationName: z.string(),
  nextDueOn: z.string().nullable(),
  resultText: z.string().nullable(),
  feedbackText: z.string().nullable(),
  recoveredFen: z.number(),
  timeline: z.array(z.object({ label: z.string(), at: ZTimestamp })),
});

export const ZIntakeResult = z.object({
  items: z.array(
    z.object({ id: z.number().int(), trackingCode: z.string(), kind: ZComplaintKind, stationName: z.string() }),
  ),
});

export type TIntakeBody = z.infer<typeof ZIntakeBody>;
export type TComplaintDetail = z.infer<typeof ZComplaintDetail>;
export type TComplaintSummary = z.infer<typeof ZComplaintSummary>;
export type TTransitionBody = z.infer<typeof ZTransitionBody>;

export const ZCategory = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });
export const ZRuleSetView = z.object({
  code: z.string(),
  name: z.string(),
  citation: z.string(),
  effectiveFrom: z.string(),
  clocks: z.record(z.string(), z.object({ days: z.number(), unit: z.string(), verify: z.boolean().optional() })),
  notAcceptedGrounds: z.array(z.object({ code: z.string(), label: z.string() })),
  terminationGrounds: z.array(z.object({ code: z.string(), label: z.string() })),
});
export const ZPublicSatisfaction = ZTrackingBody.extend({ satisfaction: z.number().int().min(1).max(5) });

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export const ZAnalysisQuery = z
  .object({ from: ZMonth, to: ZMonth, by: z.enum(['kind', 'category', 'station', 'month']).default('category') })
  .refine((q) => q.from <= q.to, { message: '结束月份不能早于开始月份', path: ['to'] });
export const ZAnalysisResult = z.object({
  from: z.string(),
  to: z.string(),
  by: z.string(),
  items: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      received: z.number(),
      closed: z.number(),
      recoveredFen: z.number(),
      lastYear: z.number(),
      yoyPct: z.number().nullable(),
    }),
  ),
  totals: z.object({
    received: z.number(),
    closed: z.number(),
    recoveredFen: z.number(),
    lastYear: z.number(),
    yoyPct: z.number().nullable(),
  }),
});
export const ZHotTopicsQuery = z.object({ from: ZIsoDate, to: ZIsoDate });
export const ZHotTopic = z.object({ word: z.string(), count: z.number().int() });
export const ZAlert = z.object({
  id: z.number().int(),
  scope: z.string(),
  scopeName: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  observed: z.number(),
  expected: z.number(),
  title: z.string(),
  draftText: z.string(),
  status: z.string(),
  createdAt: ZTimestamp,
});
export const ZRelated = z.object({
  id: z.number().int(),
  trackingCode: z.string(),
  similarity: z.number(),
  reason: z.string(),
});

/** GET /complaints/{id}/notices/{kind}.pdf */
export const ZComplaintNoticeParams = z.object({ id: ZId, kind: z.enum(complaintNoticeKinds) });
