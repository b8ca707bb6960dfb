import { ZId, ZIsoDate, ZTimestamp } from './common.ts';
import { z } from './zod.ts';

/** 执法文书 and 简易程序 (issue 11 points 4 and 7). Money in fen. */

export const ZCaseDocumentKind = z.enum([
  'filingApproval',
  'notFilingApproval',
  'penaltyNotice',
  'hearingNotice',
  'penaltyDecision',
  'summaryDecision',
  'closingApproval',
]);

export const ZCaseDocument = z.object({
  id: ZId,
  caseId: ZId.nullable(),
  leadId: ZId.nullable(),
  kind: ZCaseDocumentKind,
  /** 立案审批表 … 当场行政处罚决定书 */
  title: z.string(),
  /** 南海市监处罚〔2026〕12号 */
  docNo: z.string(),
  issuedOn: ZIsoDate,
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
  pdfUrl: z.string(),
  docxUrl: z.string(),
});

export const ZCaseDocumentList = z.object({ items: z.array(ZCaseDocument) });

export const ZSummaryParty = z.object({
  kind: z.enum(['organisation', 'person']),
  /** A registered entity: its name, USCC, address and station are taken from the register. */
  entityId: ZId.optional(),
  name: z.string().trim().min(1, '请填写当事人名称或姓名').max(200),
  uscc: z.string().trim().max(30).optional(),
  /** A person's resident ID number: stored encrypted, shown masked. */
  idNo: z.string().trim().max(30).optional(),
  address: z.string().trim().max(300).optional(),
  legalRep: z.string().trim().max(50).optional(),
});

export const ZSummaryPenalty = z.object({
  kind: z.enum(['warning', 'fine'], { error: '简易程序只能给予警告或者罚款' }),
  amountFen: z.number().int().min(0).default(0),
});

export const ZSummaryBody = z.object({
  party: ZSummaryParty,
  /** The station with jurisdiction; default the entity's, else the caller's own station. */
  stationId: ZId.optional(),
  violationTypeIds: z.array(ZId).min(1, '请选择违法行为').max(10),
  facts: z.string().trim().min(1, '请填写违法事实').max(2000),
  place: z.string().trim().min(1, '请填写违法行为发生地点').max(200),
  actOn: ZIsoDate,
  penalties: z.array(ZSummaryPenalty).min(1, '请填写处罚内容').max(2),
  /** The officers on the spot (执法人员当场作出), each with a valid enforcement credential. */
  officerIds: z.array(ZId).min(1, '请选择在场的执法人员').max(5),
  paymentPlace: z.string().trim().max(200).optional(),
});

export const ZSummaryResult = z.object({
  caseId: ZId,
  decisionNo: z.string(),
  documentId: ZId,
  decidedOn: ZIsoDate,
  paymentDueOn: ZIsoDate.nullable(),
  /** 备案: the decision is filed with the unit by this day (settings.summaryFilingDays working days). */
  filingDueOn: ZIsoDate,
  fineFen: z.number().int(),
  pdfUrl: z.string(),
  docxUrl: z.string(),
});

export type TCaseDocumentKind = z.infer<typeof ZCaseDocumentKind>;
export type TCaseDocument = z.infer<typeof ZCaseDocument>;
export type TSummaryBody = z.infer<typeof ZSummaryBody>;
export type TSummaryResult = z.infer<typeof ZSummaryResult>;
