import { productSampleStatuses, standardPattern } from '../domain/product-sampling-workflow.ts';
import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { ZConclusion, ZSampleEvent } from './sampling.ts';
import { z } from './zod.ts';

/** 产品质量监督抽查 and 3C (issue 14, points 10–11): catalogues, plans, samples, results, 复检, pass rates, 3C. */
export { ZConclusion };
export const ZRiskGrade = z.enum(['A', 'B', 'C', 'D']);
export const ZProductSampleStatus = z.enum(productSampleStatuses);
const ZCode = z.string().trim().min(2).max(40);

export const ZProductCategory = z.object({
  code: z.string(),
  name: z.string(),
  safetyRelated: z.boolean(),
  riskGrade: ZRiskGrade,
  sort: z.number().int(),
  active: z.boolean(),
});
export type TProductCategory = z.infer<typeof ZProductCategory>;
export const ZProductCategoryBody = z.object({
  name: z.string().trim().min(1, '请填写类别名称').max(60),
  safetyRelated: z.boolean(),
  riskGrade: ZRiskGrade,
  sort: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});
export const ZCodeParams = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]{1,39}$/, '类别代码应为英文字母开头的字母数字（2–40 位）'),
});
export const ZRiskGradeRow = z.object({
  grade: ZRiskGrade,
  label: z.string(),
  intervalMonths: z.number().int(),
  source: z.string(),
});
export const ZRiskGradeBody = z.object({
  intervalMonths: z.union([z.literal(3), z.literal(6), z.literal(12), z.literal(24)], {
    error: '抽查间隔应为 3、6、12 或 24 个月',
  }),
});
export const ZRuleKey = z.enum(['objectionDays', 'afterCheckDays', 'rectifyDays']);
export const ZRuleRow = z.object({ key: ZRuleKey, value: z.number().int(), source: z.string() });
export const ZRuleBody = z.object({ value: z.number().int().min(1, '至少 1 天').max(365, '不超过 365 天') });
export const ZCatalogueRow = z.object({ code: z.string(), name: z.string(), categoryCode: z.string().nullable() });
export const ZProductSettings = z.object({
  categories: z.array(ZProductCategory),
  grades: z.array(ZRiskGradeRow),
  rules: z.array(ZRuleRow),
  catalogue: z.array(ZCatalogueRow),
});
export type TProductSettings = z.infer<typeof ZProductSettings>;

export const ZProductPlan = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  name: z.string(),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  targetBatches: z.number().int(),
  sampledBatches: z.number().int(),
});
export type TProductPlan = z.infer<typeof ZProductPlan>;
export const ZProductPlanBody = z.object({
  stationId: ZId,
  categoryCode: ZCode,
  name: z.string().trim().min(1, '请填写计划名称').max(100),
  periodStart: ZIsoDate,
  periodEnd: ZIsoDate,
  targetBatches: z.number().int().min(1, '目标批次至少为 1').max(100_000),
});
export const ZProductPlanPatch = z.object({ targetBatches: z.number().int().min(1, '目标批次至少为 1').max(100_000) });
export const ZProductPlanQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const ZPlanGenerateBody = z.object({
  stationId: ZId,
  year: z.number().int().min(2000).max(2100),
  targetBatches: z.number().int().min(1).max(1000).default(5),
});
export const ZPlanGenerateResult = z.object({ created: z.number().int(), skipped: z.number().int() });

export const ZProductItem = z.object({
  itemName: z.string().trim().min(1, '请填写检验项目').max(100),
  value: z.string().trim().min(1, '请填写检测结果').max(100),
  standard: z.string().trim().max(200).regex(standardPattern, '判定依据应为标准号，如 GB 4706.1-2005'),
  conclusion: ZConclusion,
});
export type TProductItem = z.infer<typeof ZProductItem>;

export const ZProductSample = z.object({
  id: z.number().int(),
  sampleNo: z.string(),
  planId: z.number().int().nullable(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  partyRole: z.enum(['producer', 'seller']),
  stationId: z.number().int(),
  stationName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  productName: z.string(),
  model: z.string(),
  batchNo: z.string(),
  sampledOn: ZIsoDate,
  labName: z.string(),
  status: ZProductSampleStatus,
  testedOn: ZIsoDate.nullable(),
  reportNo: z.string().nullable(),
  conclusion: ZConclusion.nullable(),
  noticeNo: z.string().nullable(),
  receivedOn: ZIsoDate.nullable(),
  objectionDueOn: ZIsoDate.nullable(),
  retestRequestedOn: ZIsoDate.nullable(),
  retestConclusion: ZConclusion.nullable(),
  rectifyDueOn: ZIsoDate.nullable(),
  caseLeadRef: z.string().nullable(),
  followUpOf: z.number().int().nullable(),
  version: z.number().int(),
});
export type TProductSample = z.infer<typeof ZProductSample>;
export const ZProductSampleDetail = ZProductSample.extend({
  items: z.array(ZProductItem.extend({ retest: z.boolean() })),
  events: z.array(ZSampleEvent),
  followUps: z.array(
    z.object({ id: z.number().int(), sampleNo: z.string(), status: z.string(), conclusion: ZConclusion.nullable() }),
  ),
});
export type TProductSampleDetail = z.infer<typeof ZProductSampleDetail>;
export const ZProductSampleBody = z.object({
  planId: ZId.optional(),
  entityId: ZId,
  partyRole: z.enum(['producer', 'seller']),
  categoryCode: ZCode,
  productName: z.string().trim().min(1, '请填写产品名称').max(100),
  model: z.string().trim().max(100).default(''),
  batchNo: z.string().trim().max(60).default(''),
  sampledOn: ZIsoDate,
  labName: z.string().trim().min(1, '请填写检验机构').max(100),
  followUpOf: ZId.optional(),
});
export const ZProductSamplePatch = z.object({
  model: z.string().trim().max(100).optional(),
  batchNo: z.string().trim().max(60).optional(),
});
/** The samples list's filters, shared by the list and its XLSX export. */
export const ZProductSampleFilter = z.object({
  stationId: ZId.optional(),
  status: ZProductSampleStatus.optional(),
  categoryCode: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
});
export type TProductSampleFilter = z.infer<typeof ZProductSampleFilter>;
export const ZProductSampleQuery = ZPageQuery.extend(ZProductSampleFilter.shape);
export const ZProductResultBody = z.object({
  version: ZVersion,
  testedOn: ZIsoDate,
  reportNo: z.string().trim().max(60).optional(),
  items: z.array(ZProductItem).min(1, '请至少录入一个检验项目').max(200),
});
export const ZProductNotifyBody = z.object({
  version: ZVersion,
  noticeNo: z.string().trim().min(1, '请填写通知书编号').max(60).optional(),
  receivedOn: ZIsoDate,
});
export const ZProductRetestRequestBody = z.object({ version: ZVersion, requestedOn: ZIsoDate });
export const ZProductRetestBody = z.object({
  version: ZVersion,
  testedOn: ZIsoDate,
  items: z.array(ZProductItem).min(1, '请至少录入一个检验项目').max(200),
});
export const ZProductRectifyBody = z.object({
  version: ZVersion,
  note: z.string().trim().min(1, '请填写整改要求').max(2000),
});
export const ZProductCloseBody = z.object({ version: ZVersion });

export const ZProductPassRateQuery = z.object({
  by: z.enum(['category', 'station', 'year']).default('category'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  stationId: ZId.optional(),
});
export const ZProductPassRates = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      tested: z.number().int(),
      passed: z.number().int(),
      failed: z.number().int(),
      passRate: z.number().nullable(),
    }),
  ),
  total: z.object({
    tested: z.number().int(),
    passed: z.number().int(),
    failed: z.number().int(),
    passRate: z.number().nullable(),
  }),
});
export type TProductPassRates = z.infer<typeof ZProductPassRates>;

export const ZCccCertificate = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationId: z.number().int(),
  certificateNo: z.string(),
  catalogueCode: z.string(),
  catalogueName: z.string(),
  productName: z.string(),
  issuedOn: ZIsoDate,
  expiresOn: ZIsoDate,
});
export type TCccCertificate = z.infer<typeof ZCccCertificate>;
export const ZCccCertificateBody = z.object({
  entityId: ZId,
  certificateNo: z.string().trim().max(40),
  productName: z.string().trim().min(1, '请填写产品名称').max(100),
  issuedOn: ZIsoDate,
  expiresOn: ZIsoDate,
});
export const ZCccCertificatePatch = z.object({ productName: z.string().trim().min(1, '请填写产品名称').max(100) });
export const ZCccQuery = ZPageQuery.extend({ stationId: ZId.optional(), q: z.string().trim().max(50).optional() });

export const ZCccExemption = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationId: z.number().int(),
  approvalNo: z.string(),
  catalogueCode: z.string(),
  catalogueName: z.string(),
  productName: z.string(),
  quantity: z.number().int(),
  reason: z.string(),
  approvedOn: ZIsoDate,
  afterCheckDueOn: ZIsoDate,
  afterCheckedOn: ZIsoDate.nullable(),
  afterCheckResult: z.enum(['compliant', 'nonCompliant']).nullable(),
  afterCheckNote: z.string().nullable(),
  version: z.number().int(),
});
export type TCccExemption = z.infer<typeof ZCccExemption>;
export const ZCccExemptionBody = z.object({
  entityId: ZId,
  approvalNo: z.string().trim().min(1, '请填写批准文号').max(60),
  catalogueCode: z.string().regex(/^\d{4}$/, '产品类别代码应为 4 位数字'),
  productName: z.string().trim().min(1, '请填写产品名称').max(100),
  quantity: z.number().int().min(1, '数量至少为 1').max(10_000_000),
  reason: z.string().trim().min(1, '请填写免办理由').max(500),
  approvedOn: ZIsoDate,
});
export const ZAfterCheckBody = z.object({
  version: ZVersion,
  checkedOn: ZIsoDate,
  result: z.enum(['compliant', 'nonCompliant']),
  note: z.string().trim().max(1000).default(''),
});
