import { alertMatchStatuses, recallStatuses } from '../domain/product-recall-workflow.ts';
import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 缺陷产品召回 and imported risk alerts (issue 14, point 12; docs/PRODUCT-RECALLS.md). */
export const ZRecallStatus = z.enum(recallStatuses);
export const ZAlertMatchStatus = z.enum(alertMatchStatuses);

export const ZRecallReport = z.object({
  id: z.number().int(),
  reportedOn: ZIsoDate,
  quantityRecovered: z.number().int(),
  note: z.string().nullable(),
  fileId: z.number().int().nullable(),
  fileName: z.string().nullable(),
});
export type TRecallReport = z.infer<typeof ZRecallReport>;

export const ZRecall = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  productName: z.string(),
  batches: z.string(),
  defect: z.string(),
  quantity: z.number().int(),
  recovered: z.number().int(),
  plan: z.string(),
  planFiledOn: ZIsoDate,
  status: ZRecallStatus,
  completedOn: ZIsoDate.nullable(),
  completionNote: z.string().nullable(),
  publishedOn: ZIsoDate.nullable(),
  version: z.number().int(),
});
export type TRecall = z.infer<typeof ZRecall>;

export const ZRecallEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export const ZRecallDetail = ZRecall.extend({
  reports: z.array(ZRecallReport),
  events: z.array(ZRecallEvent),
});
export type TRecallDetail = z.infer<typeof ZRecallDetail>;

export const ZRecallQuery = ZPageQuery.extend({
  status: ZRecallStatus.optional(),
  q: z.string().trim().max(50).optional(),
});
/** The XLSX export: the list's filters, every row in the caller's reach. */
export const ZRecallExportQuery = ZRecallQuery.omit({ limit: true, cursor: true });
export type TRecallExportQuery = z.infer<typeof ZRecallExportQuery>;

export const ZRecallBody = z.object({
  entityId: ZId,
  /** The owning unit: the producer's station when left out, or the district (a unit the caller may place in). */
  unitId: ZId.optional(),
  productName: z.string().trim().min(1, '请填写产品名称').max(200),
  batches: z.string().trim().min(1, '请填写召回批次').max(1000),
  defect: z.string().trim().min(1, '请填写缺陷情况').max(2000),
  quantity: z.number().int().min(1, '召回数量至少为 1').max(1_000_000_000),
  plan: z.string().trim().min(1, '请填写召回计划').max(4000),
  planFiledOn: ZIsoDate,
});
export const ZRecallReportBody = z.object({
  version: ZVersion,
  reportedOn: ZIsoDate,
  quantityRecovered: z.number().int().min(1, '本次召回数量至少为 1').max(1_000_000_000),
  note: z.string().trim().max(2000).optional(),
});
export const ZRecallCompleteBody = z.object({
  version: ZVersion,
  completedOn: ZIsoDate,
  note: z.string().trim().max(2000).optional(),
});
export const ZRecallVersionBody = z.object({ version: ZVersion });
export const ZRecallReportParams = z.object({ id: ZId, reportId: ZId });

/** 召回信息公布 on the portal: what the public sees of a published recall. */
export const ZPublicRecall = z.object({
  id: z.number().int(),
  entityName: z.string(),
  productName: z.string(),
  batches: z.string(),
  defect: z.string(),
  quantity: z.number().int(),
  recovered: z.number().int(),
  status: ZRecallStatus,
  publishedOn: ZIsoDate,
});
export const ZPublicRecallQuery = ZPageQuery.extend({ q: z.string().trim().max(50).optional() });

export const ZAlertBatch = z.object({
  id: z.number().int(),
  filename: z.string(),
  alertCount: z.number().int(),
  matchCount: z.number().int(),
  createdAt: z.string(),
});
export type TAlertBatch = z.infer<typeof ZAlertBatch>;
export const ZAlertImportResult = ZAlertBatch.extend({ millis: z.number().int() });
export type TAlertImportResult = z.infer<typeof ZAlertImportResult>;

export const ZAlertMatch = z.object({
  id: z.number().int(),
  alertId: z.number().int(),
  batchId: z.number().int(),
  sourceRef: z.string(),
  source: z.string(),
  publishedOn: ZIsoDate,
  productName: z.string(),
  risk: z.string(),
  alertName: z.string(),
  alertUscc: z.string().nullable(),
  role: z.enum(['producer', 'seller']),
  matchedBy: z.enum(['uscc', 'name']),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  status: ZAlertMatchStatus,
  dueOn: ZIsoDate,
  note: z.string().nullable(),
  leadCode: z.string().nullable(),
  version: z.number().int(),
});
export type TAlertMatch = z.infer<typeof ZAlertMatch>;
export const ZAlertMatchQuery = ZPageQuery.extend({
  status: ZAlertMatchStatus.optional(),
  batchId: ZId.optional(),
});
export const ZAlertMatchDecision = z.object({
  version: ZVersion,
  note: z.string().trim().max(2000).optional(),
});
export const ZAlertMatchNote = z.object({ note: z.string().trim().max(2000).nullable() });
