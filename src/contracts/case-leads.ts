import { penaltyKinds, ZApproval } from './cases.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/**
 * 案件线索 (leads), 提请立案 (proposing a case), the 违法行为 dictionary, the officer picker and the case
 * settings. The case itself (list, detail, transitions) is in contracts/cases.ts.
 */
export const leadSourceLabels = {
  report: '12315举报',
  complaint: '投诉转案件线索',
  inspection: '监督检查（双随机抽查）',
  sampling: '抽样检验不合格',
  transfer: '其他机关移送',
  superior: '上级交办',
  staff: '执法人员发现',
  other: '其他',
} as const;
export const ZLeadSourceType = z.enum([
  'report',
  'complaint',
  'inspection',
  'sampling',
  'transfer',
  'superior',
  'staff',
  'other',
]);
export type TLeadSourceType = z.infer<typeof ZLeadSourceType>;

export const ZLeadStatus = z.enum(['verifying', 'filed', 'not_filed', 'merged']);

/** 不予立案 grounds (行政处罚法 Art. 33, 36; 《市场监督管理行政处罚程序规定》 Art. 20). */
export const notFilingGroundLabels = {
  minor_corrected: '违法行为轻微并及时改正，没有造成危害后果',
  first_offence: '初次违法且危害后果轻微并及时改正',
  no_fault: '当事人有证据足以证明没有主观过错',
  limitation_expired: '超过行政处罚时效',
  no_jurisdiction: '不属于本部门管辖（移送）',
  no_violation: '违法事实不能成立',
} as const;
/** The provision each ground rests on (《市场监督管理行政处罚程序规定》 Art. 20: the conditions for filing). */
export const notFilingGroundBasis = {
  minor_corrected: '《中华人民共和国行政处罚法》第三十三条第一款',
  first_offence: '《中华人民共和国行政处罚法》第三十三条第一款',
  no_fault: '《中华人民共和国行政处罚法》第三十三条第二款',
  limitation_expired: '《中华人民共和国行政处罚法》第三十六条',
  no_jurisdiction: '《市场监督管理行政处罚程序规定》第二十条第（三）项',
  no_violation: '《市场监督管理行政处罚程序规定》第二十条第（一）项',
} as const;
export const ZNotFilingGround = z.enum([
  'minor_corrected',
  'first_offence',
  'no_fault',
  'limitation_expired',
  'no_jurisdiction',
  'no_violation',
]);

/*
 * Spelled out here, not re-exported from domain/lead-clock.ts: that file loads domain/working-days.ts (node:module)
 * and the web bundle imports this contract (tests/web/browser-imports.test.ts).
 */
export const leadPauseReasonLabels = { testing: '检测、检验、检疫、鉴定', identification: '权利人辨认' } as const;
export const ZLeadPauseReason = z.enum(['testing', 'identification']);

export const ZLeadCreateBody = z.object({
  sourceType: ZLeadSourceType,
  /** The source's own reference (a tracking code, a transfer letter's number); generated when absent. */
  sourceRef: z.string().trim().min(1).max(100).optional(),
  entityId: ZId.optional(),
  /** 管辖: defaults to the entity's station, else the caller's unit. */
  stationId: ZId.optional(),
  summary: z.string().trim().min(2, '请填写线索内容').max(2000),
  /** 收到或发现线索的日期; defaults to today. */
  receivedOn: ZIsoDate.optional(),
  assignedTo: ZId.optional(),
});

export const ZLeadClock = z.object({
  dueOn: ZIsoDate,
  workingDaysLeft: z.number().int(),
  paused: z.boolean(),
  overdue: z.boolean(),
  periodWorkingDays: z.number().int(),
});

/** Where a lead came from, as far as the source module links it. */
export const ZLeadSourceLink = z.object({
  kind: z.enum(['complaint', 'spotCheck', 'none']),
  /** 12315: the tracking code; spot check: the visit. */
  trackingCode: z.string().nullable(),
  complaintId: z.number().int().nullable(),
  visitId: z.number().int().nullable(),
  itemId: z.number().int().nullable(),
});

export const ZLead = z.object({
  id: z.number().int(),
  code: z.string(),
  sourceType: ZLeadSourceType,
  sourceLabel: z.string(),
  sourceRef: z.string(),
  entityId: z.number().int().nullable(),
  entityName: z.string().nullable(),
  stationId: z.number().int(),
  stationName: z.string(),
  summary: z.string(),
  status: ZLeadStatus,
  statusLabel: z.string(),
  receivedOn: ZIsoDate,
  clock: ZLeadClock.nullable(),
  extended: z.boolean(),
  assignedTo: z.number().int().nullable(),
  assignedName: z.string().nullable(),
  caseId: z.number().int().nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  actions: z.array(z.string()),
});

export const ZLeadPause = z.object({
  id: z.number().int(),
  reason: ZLeadPauseReason,
  reasonLabel: z.string(),
  note: z.string().nullable(),
  startedOn: ZIsoDate,
  endedOn: ZIsoDate.nullable(),
});

export const ZLeadDetail = ZLead.extend({
  source: ZLeadSourceLink,
  extensionReason: z.string().nullable(),
  outcomeGround: ZNotFilingGround.nullable(),
  outcomeGroundLabel: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  transferredTo: z.string().nullable(),
  decidedOn: ZIsoDate.nullable(),
  pauses: z.array(ZLeadPause),
  approvals: z.array(ZApproval),
  /** Numbered documents issued on the lead (不予立案审批表): PDF/DOCX at /case-documents/:id/pdf|docx. */
  documents: z.array(z.object({ id: z.number().int(), kind: z.string(), docNo: z.string(), createdAt: ZTimestamp })),
  /** An approval request waiting for its approvers (extend or notFile). */
  pendingAction: z.string().nullable(),
});

export const ZLeadQuery = ZPageQuery.extend({
  status: ZLeadStatus.optional(),
  stationId: ZId.optional(),
  sourceType: ZLeadSourceType.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Leads the caller registered or is assigned to verify. */
  mine: z.enum(['true', 'false']).optional(),
});

export const ZLeadTransitionBody = z.object({
  action: z.enum(['extend', 'pauseClock', 'resumeClock', 'notFile', 'merge']),
  version: ZVersion,
  /** extend: why the 15 working days are not enough. */
  reason: z.string().trim().min(2).max(2000).optional(),
  /** pauseClock: what the excluded period is for. */
  pauseReason: ZLeadPauseReason.optional(),
  /** pauseClock: first day not counted; resumeClock: the day the clock runs again. Default today. */
  onDate: ZIsoDate.optional(),
  note: z.string().trim().max(2000).optional(),
  ground: ZNotFilingGround.optional(),
  /** notFile with ground no_jurisdiction: the authority the lead is transferred to. */
  transferredTo: z.string().trim().min(2).max(100).optional(),
  targetCaseId: ZId.optional(),
});
export type TLeadTransitionBody = z.infer<typeof ZLeadTransitionBody>;

// ---- 提请立案
export const ZCasePartyKind = z.enum(['organisation', 'person']);
export const ZCaseOfficerInput = z.object({ userId: ZId, lead: z.boolean().default(false) });
export const ZCaseProposalBody = z.object({
  /** The party from the registry; or `party` for someone not registered (a person, an unlicensed trader). */
  entityId: ZId.optional(),
  party: z
    .object({
      kind: ZCasePartyKind,
      name: z.string().trim().min(1, '请填写当事人名称').max(200),
      uscc: z.string().trim().max(18).optional(),
      idNumber: z.string().trim().max(18).optional(),
      address: z.string().trim().max(200).optional(),
    })
    .optional(),
  stationId: ZId.optional(),
  departmentId: ZId.optional(),
  /** 案由 */
  title: z.string().trim().min(2, '请填写案由').max(200),
  facts: z.string().trim().max(5000).optional(),
  actOn: ZIsoDate,
  /** The day a continuing or repeated act ended (the limitation counts from it). */
  actEndedOn: ZIsoDate.optional(),
  violationTypeIds: z.array(ZId).min(1, '至少选择一项违法行为').max(20),
  officers: z.array(ZCaseOfficerInput).max(10),
  caseValueFen: z.number().int().min(0).optional(),
  goodsValueFen: z.number().int().min(0).optional(),
});
export const ZLeadProposalBody = ZCaseProposalBody.extend({ version: ZVersion });
export type TCaseProposalBody = z.infer<typeof ZCaseProposalBody>;

export const ZLimitation = z.object({
  startsOn: ZIsoDate,
  years: z.number().int(),
  expiresOn: ZIsoDate,
  daysLeft: z.number().int(),
  warning: z.boolean(),
  expired: z.boolean(),
});

export const ZCaseProposal = z.object({
  id: z.number().int(),
  status: z.string(),
  leadId: z.number().int().nullable(),
  partyName: z.string(),
  partyIdMasked: z.string().nullable(),
  stationId: z.number().int(),
  title: z.string(),
  limitation: ZLimitation,
  officers: z.array(
    z.object({ userId: z.number().int(), displayName: z.string(), lead: z.boolean(), credentialNo: z.string() }),
  ),
  violationTypeIds: z.array(z.number().int()),
  version: z.number().int(),
});

// ---- 违法行为 dictionary
export const violationAreaLabels = {
  food: '食品',
  drug: '药品医疗器械',
  special_equipment: '特种设备',
  product_quality: '产品质量',
  pricing: '价格',
  advertising: '广告',
  trademark: '商标专利',
  unlicensed: '无证无照经营',
  registration: '登记注册',
  consumer: '消费者权益',
  competition: '不正当竞争',
  other: '其他',
} as const;
export const ZViolationArea = z.enum([
  'food',
  'drug',
  'special_equipment',
  'product_quality',
  'pricing',
  'advertising',
  'trademark',
  'unlicensed',
  'registration',
  'consumer',
  'competition',
  'other',
]);
export const ZViolationType = z.object({
  id: z.number().int(),
  code: z.string(),
  area: ZViolationArea,
  areaLabel: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  penaltyBasis: z.string(),
  involvesSafety: z.boolean(),
});
export const ZViolationTypeQuery = z.object({
  area: ZViolationArea.optional(),
  q: z.string().trim().max(50).optional(),
});

// ---- officers (执法证)
export const ZCaseOfficer = z.object({
  id: z.number().int(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  credentialNo: z.string(),
  credentialExpiresOn: ZIsoDate,
});
export const ZCaseOfficerQuery = z.object({ stationId: ZId.optional(), q: z.string().trim().max(50).optional() });

// ---- settings (domain/case-settings.ts)
const ZFen = z.number().int().min(0);
const ZPerParty = z.object({ person: ZFen, organisation: ZFen });
const ZChain = z.array(z.string().trim().min(1).max(32)).min(1, '审批链至少包含一个角色').max(6);
export const ZCaseSettings = z.object({
  summaryFineLimitFen: ZPerParty,
  summaryFilingDays: z.number().int().min(1).max(30),
  summaryFilingRoles: ZChain,
  hearingThresholdFen: ZPerParty,
  majorCase: z.object({ fineFen: ZFen, caseValueFen: ZFen, penaltyKinds: z.array(z.enum(penaltyKinds)).max(20) }),
  collective: z.object({ fineFen: ZFen, penaltyKinds: z.array(z.enum(penaltyKinds)).max(20) }),
  approvalChains: z.object({
    leadExtension: ZChain,
    filing: ZChain,
    extension: ZChain,
    legalReview: ZChain,
    collective: ZChain,
    decision: ZChain,
    closing: ZChain,
    instalment: ZChain,
  }),
  disclosureLowFineFen: ZFen,
  seriousListAreas: z.array(z.string().max(32)).max(12),
  limitationWarningDays: z.number().int().min(0).max(730),
  /** Document numbers' abbreviation per bureau code (南海市监); a bureau not listed derives it from its name. */
  documentAuthorityAbbr: z.record(z.string().max(50), z.string().trim().min(1).max(20)).optional(),
});
export const ZCaseSettingsView = z.object({
  settings: ZCaseSettings,
  /** 0: the defaults, never saved. */
  version: z.number().int(),
  updatedAt: ZTimestamp.nullable(),
});
export const ZCaseSettingsUpdate = z.object({ settings: ZCaseSettings, version: z.number().int().min(0) });

export type TLead = z.infer<typeof ZLead>;
export type TLeadDetail = z.infer<typeof ZLeadDetail>;
export type TCaseProposal = z.infer<typeof ZCaseProposal>;
export type TViolationType = z.infer<typeof ZViolationType>;
export type TCaseOfficer = z.infer<typeof ZCaseOfficer>;
export type TCaseSettingsView = z.infer<typeof ZCaseSettingsView>;
