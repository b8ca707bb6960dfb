import {
  sampleStatuses,
  samplingFoodCategoryCodes,
  samplingHazardCodes,
  samplingStageCodes,
} from '../domain/food-sampling.ts';
import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { ZConclusion, ZSampleEvent } from './sampling.ts';
import { z } from './zod.ts';

/** 食品安全监督抽检 (issue 13, point 9): plans, samples, per-item results, 复检, pass rates, published results. */
export const ZSamplingCategory = z.enum(samplingFoodCategoryCodes);
export const ZSamplingHazard = z.enum(samplingHazardCodes);
export const ZSamplingStage = z.enum(samplingStageCodes);
export const ZSampleStatus = z.enum(sampleStatuses);
export { ZConclusion };

export const ZSamplingPlan = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  name: z.string(),
  foodCategory: ZSamplingCategory,
  hazards: z.array(ZSamplingHazard),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  targetBatches: z.number().int(),
  /** Samples taken under the plan so far. */
  sampledBatches: z.number().int(),
});
export type TSamplingPlan = z.infer<typeof ZSamplingPlan>;
export type TPlanView = TSamplingPlan;
export const ZSamplingPlanBody = z.object({
  stationId: ZId,
  name: z.string().trim().min(1, '请填写计划名称').max(100),
  foodCategory: ZSamplingCategory,
  hazards: z.array(ZSamplingHazard).min(1, '请至少选择一类风险项目').max(8),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  targetBatches: z.number().int().min(1, '目标批次至少为 1').max(100_000),
});
export const ZSamplingPlanQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZSampleItem = z.object({
  itemName: z.string().trim().min(1, '请填写检验项目').max(100),
  hazard: ZSamplingHazard,
  value: z.string().trim().min(1, '请填写检测值').max(60),
  limit: z.string().trim().max(60).default(''),
  standard: z.string().trim().min(1, '请填写判定依据（标准）').max(200),
  conclusion: ZConclusion,
});
export type TSampleItem = z.infer<typeof ZSampleItem>;

export const ZSample = z.object({
  id: z.number().int(),
  sampleNo: z.string(),
  planId: z.number().int().nullable(),
  businessId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  stage: ZSamplingStage,
  foodCategory: ZSamplingCategory,
  foodName: z.string(),
  batchNo: z.string(),
  producerName: z.string(),
  producerUscc: z.string().nullable(),
  producedOn: ZIsoDate.nullable(),
  quantity: z.string(),
  samplers: z.array(z.string()),
  sampledOn: ZIsoDate,
  labName: z.string(),
  status: ZSampleStatus,
  deliveryDueOn: ZIsoDate,
  deliveredOn: ZIsoDate.nullable(),
  resultDueOn: ZIsoDate.nullable(),
  testedOn: ZIsoDate.nullable(),
  reportNo: z.string().nullable(),
  conclusion: ZConclusion.nullable(),
  noticeNo: z.string().nullable(),
  notifiedOn: ZIsoDate.nullable(),
  retestDueOn: ZIsoDate.nullable(),
  retestRequestedOn: ZIsoDate.nullable(),
  retestLab: z.string().nullable(),
  retestConclusion: ZConclusion.nullable(),
  disposalDueOn: ZIsoDate.nullable(),
  disposalNote: z.string().nullable(),
  handledOn: ZIsoDate.nullable(),
  caseLeadRef: z.string().nullable(),
  publishedOn: ZIsoDate.nullable(),
  /** The clock running now (delivery, result or 核查处置) and its due date; null when none runs. */
  clock: z
    .object({ kind: z.enum(['delivery', 'result', 'disposal']), dueOn: ZIsoDate, overdue: z.boolean() })
    .nullable(),
  version: z.number().int(),
});
export type TSample = z.infer<typeof ZSample>;

export const ZSampleDetail = ZSample.extend({
  items: z.array(ZSampleItem.extend({ retest: z.boolean() })),
  events: z.array(ZSampleEvent),
});
export type TSampleDetail = z.infer<typeof ZSampleDetail>;

export const ZSampleBody = z.object({
  planId: ZId.optional(),
  businessId: ZId,
  stage: ZSamplingStage,
  foodCategory: ZSamplingCategory,
  foodName: z.string().trim().min(1, '请填写食品名称').max(100),
  batchNo: z.string().trim().max(60).default(''),
  producerName: z.string().trim().max(100).default(''),
  producerUscc: z.string().trim().max(18).optional(),
  producedOn: ZIsoDate.optional(),
  quantity: z.string().trim().max(60).default(''),
  samplers: z.array(z.string().trim().min(1).max(40)).min(2, '抽样人员不少于 2 名').max(6),
  sampledOn: ZIsoDate,
  labName: z.string().trim().min(1, '请填写承检机构').max(100),
});
export type TSampleBody = z.infer<typeof ZSampleBody>;

export const ZSampleQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  status: ZSampleStatus.optional(),
  conclusion: ZConclusion.optional(),
  businessId: ZId.optional(),
  q: z.string().trim().max(60).optional(),
});

const versioned = { version: ZVersion };
export const ZDeliverBody = z.object({ ...versioned, deliveredOn: ZIsoDate });
export const ZResultBody = z.object({
  ...versioned,
  testedOn: ZIsoDate,
  reportNo: z.string().trim().max(60).optional(),
  items: z.array(ZSampleItem).min(1, '请至少录入一个检验项目').max(200),
});
export type TResultBody = z.infer<typeof ZResultBody>;
export const ZNotifyBody = z.object({ ...versioned, noticeNo: z.string().trim().min(1).max(60), notifiedOn: ZIsoDate });
export const ZRetestRequestBody = z.object({
  ...versioned,
  requestedOn: ZIsoDate,
  retestLab: z.string().trim().min(1, '请填写复检机构').max(100),
});
export const ZRetestBody = z.object({
  ...versioned,
  testedOn: ZIsoDate,
  items: z.array(ZSampleItem).min(1, '请至少录入一个复检项目').max(200),
});
export const ZHandleBody = z.object({
  ...versioned,
  handledOn: ZIsoDate,
  note: z.string().trim().min(1, '请填写核查处置情况').max(2000),
});
export const ZVersionBody = z.object(versioned);

export const ZPassRateQuery = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  stationId: ZId.optional(),
});
export const ZPassRateRow = z.object({
  month: z.string(),
  foodCategory: ZSamplingCategory,
  tested: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  /** Percent with one decimal; null when nothing was tested. */
  passRate: z.number().nullable(),
});
export const ZPassRates = z.object({
  rows: z.array(ZPassRateRow),
  total: z.object({
    tested: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    passRate: z.number().nullable(),
  }),
});
export type TPassRates = z.infer<typeof ZPassRates>;

export const ZPublicSample = z.object({
  sampleNo: z.string(),
  entityName: z.string(),
  uscc: z.string(),
  stage: ZSamplingStage,
  foodCategory: ZSamplingCategory,
  foodName: z.string(),
  batchNo: z.string(),
  producerName: z.string(),
  producedOn: ZIsoDate.nullable(),
  sampledOn: ZIsoDate,
  labName: z.string(),
  conclusion: ZConclusion,
  /** 不合格项目: item, value, limit, standard (empty for 合格). */
  failedItems: z.array(z.object({ itemName: z.string(), value: z.string(), limit: z.string(), standard: z.string() })),
  publishedOn: ZIsoDate,
});
export type TPublicSample = z.infer<typeof ZPublicSample>;
export const ZPublicSampleQuery = ZPageQuery.extend({
  conclusion: ZConclusion.optional(),
  q: z.string().trim().max(60).optional(),
});

/** 更正抽样单: descriptive fields of a sample not yet delivered. */
export const ZSamplePatch = z.object({
  batchNo: z.string().trim().max(60).optional(),
  producerName: z.string().trim().max(100).optional(),
  quantity: z.string().trim().max(60).optional(),
});
export const ZSamplingPlanPatch = z.object({ targetBatches: z.number().int().min(1, '目标批次至少为 1').max(100_000) });
