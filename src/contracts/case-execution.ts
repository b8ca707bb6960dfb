import type { PaymentKind } from '../domain/case-execution.ts';
import type { MeasureKind } from '../domain/case-measures.ts';
import { ZId, ZIsoDate, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/**
 * 执法办案 — evidence (证据), compulsory measures (行政强制措施) and the execution of decisions (执行): payments,
 * 加处罚款, 分期/延期 and 申请强制执行. Money in integer fen, dates YYYY-MM-DD (Asia/Shanghai).
 */
/*
 * The labels are spelled out here, not re-exported from the domain files: those load domain/working-days.ts,
 * which reads the holiday data with node:module, and the web bundle imports this contract (the case pages).
 */
export const paymentKindLabels: Record<PaymentKind, string> = {
  fine: '罚款',
  late_fee: '加处罚款',
  confiscation: '没收违法所得（没收款）',
};
export const measureKindLabels: Record<MeasureKind, string> = { preservation: '先行登记保存', seizure: '查封、扣押' };

// ---- evidence
export const evidenceKindLabels = {
  inquiry: '询问笔录',
  site_record: '现场检查笔录',
  photo: '照片',
  file: '书证/电子数据',
  sample: '抽样取证',
  other: '其他证据',
} as const;
export const ZEvidenceKind = z.enum(['inquiry', 'site_record', 'photo', 'file', 'sample', 'other']);

export const ZEvidenceBody = z.object({
  kind: ZEvidenceKind,
  title: z.string().trim().min(2, '请填写证据名称').max(200),
  collectedOn: ZIsoDate,
  /** A file uploaded for this case (POST /cases/:id/evidence/files); required for a photo. */
  fileId: ZId.optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TEvidenceBody = z.infer<typeof ZEvidenceBody>;

export const ZEvidenceFile = z.object({
  id: z.number().int(),
  filename: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const ZEvidence = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  kind: ZEvidenceKind,
  kindLabel: z.string(),
  title: z.string(),
  collectedOn: ZIsoDate,
  collectedBy: z.number().int().nullable(),
  collectedByName: z.string().nullable(),
  note: z.string().nullable(),
  /** SHA-256 of the file's content when recorded: the integrity proof of the evidence. */
  sha256: z.string().nullable(),
  file: ZEvidenceFile.nullable(),
  createdAt: ZTimestamp,
});
export type TEvidence = z.infer<typeof ZEvidence>;
export const ZEvidenceList = z.object({ items: z.array(ZEvidence), canRecord: z.boolean() });
export const ZEvidenceParams = z.object({ id: ZId, evidenceId: ZId });

// ---- compulsory measures
export const ZMeasureKind = z.enum(['preservation', 'seizure']);
export const ZMeasureBody = z.object({
  kind: ZMeasureKind,
  items: z.string().trim().min(2, '请填写物品清单').max(4000),
  startedOn: ZIsoDate,
});
export const ZMeasureExtendBody = z.object({ reason: z.string().trim().min(2, '请填写延长理由').max(2000) });
export const ZMeasureReleaseBody = z.object({
  endedOn: ZIsoDate,
  outcome: z.string().trim().min(2, '请填写处理结果（解除、没收、移送等）').max(2000),
});
export const ZMeasure = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  kind: ZMeasureKind,
  kindLabel: z.string(),
  items: z.string(),
  startedOn: ZIsoDate,
  dueOn: ZIsoDate,
  firstDueOn: ZIsoDate,
  extended: z.boolean(),
  extensionReason: z.string().nullable(),
  extendedOn: ZIsoDate.nullable(),
  endedOn: ZIsoDate.nullable(),
  outcome: z.string().nullable(),
  status: z.enum(['active', 'ended']),
  overdue: z.boolean(),
  /** Calendar days until due (negative: overdue); null once ended. */
  daysLeft: z.number().int().nullable(),
  canExtend: z.boolean(),
});
export type TMeasure = z.infer<typeof ZMeasure>;
export const ZMeasureList = z.object({
  items: z.array(ZMeasure),
  /** The caller may take a measure now (case:write, the case under investigation). */
  canTake: z.boolean(),
  /** The caller may extend or release the case's measures in force (case:write, the case not closed). */
  canChange: z.boolean(),
});
export const ZOpenMeasureQuery = z.object({
  overdue: z.enum(['true', 'false']).optional(),
  kind: ZMeasureKind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZOpenMeasureList = z.object({
  items: z.array(
    ZMeasure.extend({ caseNo: z.string().nullable(), caseTitle: z.string(), stationId: z.number().int() }),
  ),
});

// ---- execution
export const ZPaymentKind = z.enum(['fine', 'late_fee', 'confiscation']);
export const ZPaymentBody = z.object({
  kind: ZPaymentKind,
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidOn: ZIsoDate,
  receiptNo: z.string().trim().min(1).max(60).optional(),
  version: ZVersion,
});
export const ZInstalment = z.object({
  dueOn: ZIsoDate,
  amountFen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
export const ZInstalmentBody = z.object({
  /** One item: 延期缴纳; several: 分期缴纳. Together they cover the unpaid fine. */
  instalments: z.array(ZInstalment).min(1).max(36),
  reason: z.string().trim().min(2, '请填写当事人申请理由（确有经济困难）').max(2000),
  version: ZVersion,
});
export const ZEnforcementBody = z.object({
  note: z.string().trim().min(2, '请填写申请强制执行的情况').max(2000),
  court: z.string().trim().max(100).optional(),
  appliedOn: ZIsoDate.optional(),
  version: ZVersion,
});

export const ZPayment = z.object({
  id: z.number().int(),
  kind: ZPaymentKind,
  kindLabel: z.string(),
  amountFen: z.number().int(),
  paidOn: ZIsoDate,
  receiptNo: z.string().nullable(),
  recordedBy: z.number().int().nullable(),
  createdAt: ZTimestamp,
});

export const ZExecution = z.object({
  caseId: z.number().int(),
  status: z.string(),
  version: z.number().int(),
  decisionKind: z.string().nullable(),
  servedOn: ZIsoDate.nullable(),
  fineDueFen: z.number().int(),
  confiscationDueFen: z.number().int(),
  paidFen: z.number().int(),
  paidFineFen: z.number().int(),
  paidLateFeeFen: z.number().int(),
  paidConfiscationFen: z.number().int(),
  /** 加处罚款 accrued as of today (3 % a day of the unpaid fine after its due day, capped at the fine). */
  lateFeeFen: z.number().int(),
  lateFeeOutstandingFen: z.number().int(),
  outstandingFen: z.number().int(),
  dueOn: ZIsoDate.nullable(),
  overdueDays: z.number().int(),
  overdueFen: z.number().int(),
  paymentOverdue: z.boolean(),
  settled: z.boolean(),
  instalments: z.array(
    z.object({
      seq: z.number().int(),
      dueOn: ZIsoDate,
      amountFen: z.number().int(),
      paidFen: z.number().int(),
      overdue: z.boolean(),
    }),
  ),
  /** An instalment/deferral request waiting for its approvers. */
  instalmentPending: z.boolean(),
  payments: z.array(ZPayment),
  enforcement: z.object({ appliedOn: ZIsoDate, court: z.string().nullable() }).nullable(),
  /** Whether 结案 may be requested as far as the money goes (closeGuard), and why not. */
  closable: z.object({ ok: z.boolean(), reason: z.string() }),
});
export type TExecution = z.infer<typeof ZExecution>;
