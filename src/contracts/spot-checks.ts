import { resultCategoryCodes } from '../domain/spot-check-workflow.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { ZStoredFile } from './files.ts';
import { z } from './zod.ts';

const ZName = z.string().trim().min(1, '不能为空').max(200);
const ZRiskClass = z.enum(['A', 'B', 'C', 'D']);

export const ZCheckItemCreate = z.object({
  departmentId: ZId,
  code: z.string().trim().min(1).max(40),
  name: ZName,
  level: z.enum(['general', 'key']),
  legalBasis: z.string().trim().min(1, '请填写法律依据').max(1000),
  checklist: z.array(z.string().trim().min(1).max(500)).max(50).default([]),
});
export const ZCheckItem = ZCheckItemCreate.extend({
  id: z.number().int(),
  departmentName: z.string(),
  active: z.boolean(),
});

export const ZInspectorCreate = z.object({
  name: z.string().trim().min(1).max(50),
  departmentId: ZId,
  stationId: ZId.nullable().default(null),
  qualifications: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  userId: ZId.nullable().default(null),
});
export const ZInspectorUpdate = ZInspectorCreate.extend({ active: z.boolean().default(true) });
export const ZInspector = ZInspectorCreate.extend({
  id: z.number().int(),
  departmentName: z.string(),
  stationName: z.string().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
});
export const ZConflictCreate = z.object({ inspectorId: ZId, entityId: ZId, reason: z.string().trim().min(1).max(500) });
export const ZConflictKey = z.object({ inspectorId: ZId, entityId: ZId });
export const ZConflict = z.object({
  inspectorId: z.number().int(),
  inspectorName: z.string(),
  departmentName: z.string(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  reason: z.string(),
  declaredAt: ZTimestamp,
});

export const ZPoolFilter = z.object({
  types: z
    .array(z.enum(['enterprise', 'individualBusiness', 'farmerCooperative']))
    .max(3)
    .optional(),
  stationIds: z.array(ZId).max(50).optional(),
  industryPrefix: z
    .string()
    .regex(/^[A-Z0-9]{1,4}$/, '行业代码前缀为1–4位')
    .optional(),
  regionPrefix: z
    .string()
    .regex(/^\d{2,12}$/, '区划代码前缀为2–12位数字')
    .optional(),
  // 存续/在业 only unless chosen otherwise.
  statuses: z
    .array(z.enum(['active', 'suspended', 'revoked', 'deregistered', 'movedOut']))
    .min(1)
    .default(['active']),
});
export const ZPoolCreate = z.object({ name: ZName, filter: ZPoolFilter });
export const ZPool = ZPoolCreate.extend({ id: z.number().int(), ownerUnitId: z.number().int() });
export const ZPoolPreview = z.object({
  size: z.number().int(),
  byClass: z.record(ZRiskClass, z.number().int()),
  unclassified: z.number().int(),
});

export const ZPlanCreate = z
  .object({ name: ZName, periodStart: ZIsoDate, periodEnd: ZIsoDate })
  .refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: '结束日期不能早于开始日期' });
export const ZPlan = z.object({
  id: z.number().int(),
  name: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  taskCount: z.number().int(),
  /** Sum over tasks of entities drawn. */
  drawnChecks: z.number().int(),
  /** Visits after merging entities drawn by several tasks. */
  visits: z.number().int(),
  visitsSaved: z.number().int(),
});

const ZPercent = z.number().min(0, '抽查比例应在0–100%之间').max(100, '抽查比例应在0–100%之间');
export const ZRatiosPercent = z.object({ A: ZPercent, B: ZPercent, C: ZPercent, D: ZPercent });
export const ZTaskCreate = z.object({
  planId: ZId,
  name: ZName,
  poolId: ZId,
  itemIds: z.array(ZId).min(1, '至少选择一个抽查事项').max(100),
  ratios: ZRatiosPercent,
  inspectorsPerVisit: z.number().int().min(2, '每户至少2名检查人员').max(6).default(2),
  avoidOwnStation: z.boolean().default(false),
});

export const ZDrawInfo = z.object({
  id: z.number().int(),
  algorithm: z.string(),
  poolHash: z.string(),
  poolSize: z.number().int(),
  unclassifiedCount: z.number().int(),
  classCounts: z.record(z.string(), z.number().int()),
  commitment: z.string(),
  /** Revealed only after the draw. */
  seed: z.string().nullable(),
  frozenAt: ZTimestamp,
  drawnAt: ZTimestamp.nullable(),
  drawnCount: z.number().int().nullable(),
});
export const ZTask = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planName: z.string(),
  name: z.string(),
  poolId: z.number().int(),
  poolName: z.string(),
  ratios: ZRatiosPercent,
  inspectorsPerVisit: z.number().int(),
  avoidOwnStation: z.boolean(),
  status: z.string(),
  statusLabel: z.string(),
  version: ZVersion,
  joint: z.boolean(),
  items: z.array(ZCheckItem),
  draw: ZDrawInfo.nullable(),
  visitCount: z.number().int(),
});
export const ZTaskTransitionBody = z.object({
  action: z.enum(['freeze', 'draw', 'close', 'cancel']),
  version: ZVersion,
});

/** A published draw proof; `shijian verify-draw` reads exactly this shape. */
export const ZDrawProof = z.object({
  algorithm: z.string(),
  /** The algorithm's version (1: shijian-draw-v1, 2: shijian-draw-v2); absent in proofs published before the field. */
  version: z.number().int().positive().optional(),
  drawId: z.number().int(),
  poolHash: z.string(),
  commitment: z.string(),
  seed: z.string(),
  ratios: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
  pool: z.array(z.object({ id: z.number().int(), riskClass: ZRiskClass })),
  result: z.array(z.number().int()),
});

export const ZVisitListQuery = ZPageQuery.extend({
  taskId: ZId.optional(),
  planId: ZId.optional(),
  status: z.enum(['assigned', 'inspected', 'published']).optional(),
  mine: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** One entity's visits (the entity page). */
  entityId: ZId.optional(),
});
/** The export takes the list's filters (everything matching, not one page). */
export const ZVisitExportQuery = ZVisitListQuery.omit({ limit: true, cursor: true });
export type TVisitExportQuery = z.infer<typeof ZVisitExportQuery>;
const ZVisitInspector = z.object({ id: z.number().int(), name: z.string(), departmentName: z.string() });
export const ZVisitSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  inspectedOn: z.string().nullable(),
  publishDueOn: z.string().nullable(),
  overdue: z.boolean(),
  publishedAt: ZTimestamp.nullable(),
  inspectors: z.array(ZVisitInspector),
  /** A 日常监督检查 on the visit engine: its items and results live on the food inspection's page. */
  foodInspectionId: z.number().int().nullable(),
  /** A 两品一械 inspection on the visit engine: its result is recorded on the business's page. */
  cdBusinessId: z.number().int().nullable(),
  version: ZVersion,
});
export const ZVisitItem = z.object({
  itemId: z.number().int(),
  name: z.string(),
  departmentName: z.string(),
  level: z.string(),
  checklist: z.array(z.string()),
  result: z
    .object({
      category: z.string(),
      categoryLabel: z.string(),
      notes: z.string().nullable(),
      files: z.array(ZStoredFile),
      caseLeadRef: z.string().nullable(),
    })
    .nullable(),
});
export const ZVisitDetail = ZVisitSummary.extend({
  taskNames: z.array(z.string()),
  items: z.array(ZVisitItem),
  actions: z.array(z.enum(['complete', 'publish'])),
  /** The caller is one of the visit's drawn inspectors and it is still open: they may enter results. */
  canRecord: z.boolean(),
});
export const ZResultBody = z.object({
  itemId: ZId,
  category: z.enum(resultCategoryCodes),
  notes: z.string().trim().max(2000).optional(),
  fileIds: z.array(ZId).max(20).default([]),
});
export const ZVisitTransitionBody = z.object({ action: z.enum(['complete', 'publish']), version: ZVersion });

export const ZPublicResultQuery = ZPageQuery.extend({ q: z.string().trim().max(100).optional() });
export const ZPublicResult = z.object({
  visitId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  planName: z.string(),
  taskNames: z.array(z.string()),
  inspectedOn: z.string(),
  publishedAt: ZTimestamp,
  items: z.array(z.object({ name: z.string(), departmentName: z.string(), categoryLabel: z.string() })),
});

export const ZSpotCheckReference = z.object({
  departments: z.array(z.object({ id: z.number().int(), name: z.string() })),
  stations: z.array(z.object({ id: z.number().int(), name: z.string() })),
  categories: z.array(z.object({ code: z.string(), label: z.string(), problem: z.boolean() })),
});

export type TCheckItem = z.infer<typeof ZCheckItem>;
export type TInspector = z.infer<typeof ZInspector>;
export type TConflict = z.infer<typeof ZConflict>;
export type TPool = z.infer<typeof ZPool>;
export type TPoolFilter = z.infer<typeof ZPoolFilter>;
export type TPlan = z.infer<typeof ZPlan>;
export type TTask = z.infer<typeof ZTask>;
export type TTaskCreate = z.infer<typeof ZTaskCreate>;
export type TDrawProof = z.infer<typeof ZDrawProof>;
export type TVisitSummary = z.infer<typeof ZVisitSummary>;
export type TVisitDetail = z.infer<typeof ZVisitDetail>;
export type TResultBody = z.infer<typeof ZResultBody>;
export type TPublicResult = z.infer<typeof ZPublicResult>;
export type TSpotCheckReference = z.infer<typeof ZSpotCheckReference>;
