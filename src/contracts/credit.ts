import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { ZUscc } from './entities.ts';
import { z } from './zod.ts';

export const riskClassLabels = { A: '低风险', B: '一般风险', C: '较高风险', D: '高风险' } as const;
export const creditListLabels = { abnormal: '经营异常名录', serious: '严重违法失信名单' } as const;
export const listingGroundLabels: Record<string, string> = {
  annualReportMissing: '未按规定报送年度报告',
  abnormalOver3Years: '列入经营异常名录届满3年仍未履行相关义务',
  seriousPenalty: '因违法行为受到较重行政处罚（《市场监督管理严重违法失信名单管理办法》）',
};

export const ZRiskClass = z.enum(['A', 'B', 'C', 'D']);
export const ZCreditList = z.enum(['abnormal', 'serious']);

// ---- annual reports
export const ZAnnualReportInput = z
  .object({
    entityId: ZId.optional(),
    uscc: ZUscc.optional(),
    reportYear: z.number().int().min(2000).max(2100),
    filedOn: ZIsoDate,
  })
  .refine((r) => r.entityId !== undefined || r.uscc !== undefined, {
    message: '请填写主体编号或统一社会信用代码',
    path: ['uscc'],
  });
export const ZAnnualReportBody = z.object({ items: z.array(ZAnnualReportInput).min(1).max(5000) });
export const ZAnnualReportResult = z.object({ recorded: z.number().int(), unchanged: z.number().int() });
export const ZAnnualReport = z.object({ reportYear: z.number().int(), filedOn: ZIsoDate.nullable(), due: z.boolean() });

// ---- batches and listings
export const ZProposeBody = z.object({
  list: ZCreditList,
  /** abnormal: the report year whose window has closed */
  reportYear: z.number().int().min(2000).max(2100).optional(),
  stationId: ZId.optional(),
});
export const ZDecisionFields = z.object({
  decisionNo: z.string().trim().min(2, '请填写决定书文号').max(60),
  reason: z.string().trim().min(2, '请填写理由').max(2000),
  decidedOn: ZIsoDate,
});
export const ZApproveBatchBody = ZDecisionFields.extend({ version: ZVersion });
export const ZDiscardBody = z.object({ reason: z.string().trim().min(2, '请填写理由').max(2000), version: ZVersion });

export const ZBatch = z.object({
  id: z.number().int(),
  list: ZCreditList,
  ground: z.string(),
  groundLabel: z.string(),
  reportYear: z.number().int().nullable(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  status: z.string(),
  itemCount: z.number().int(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  decidedOn: ZIsoDate.nullable(),
  documentFileId: z.number().int().nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
  actions: z.array(z.string()),
});
export const ZBatchQuery = ZPageQuery.extend({
  list: ZCreditList.optional(),
  status: z.enum(['proposed', 'approved', 'discarded']).optional(),
});

export const ZListing = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  list: ZCreditList,
  ground: z.string(),
  groundLabel: z.string(),
  reportYear: z.number().int().nullable(),
  batchId: z.number().int().nullable(),
  status: z.string(),
  listedOn: ZIsoDate.nullable(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  removedOn: ZIsoDate.nullable(),
  removalDecisionNo: z.string().nullable(),
  removalReason: z.string().nullable(),
  version: z.number().int(),
});
export const ZListingQuery = ZPageQuery.extend({
  list: ZCreditList.optional(),
  status: z.enum(['proposed', 'listed', 'discarded', 'removed']).optional(),
  batchId: ZId.optional(),
  entityId: ZId.optional(),
});

/** The export takes the list's filters (everything matching, not one page). */
export const ZListingExportQuery = ZListingQuery.omit({ limit: true, cursor: true });
export type TListingExportQuery = z.infer<typeof ZListingExportQuery>;

// ---- credit repair
export const ZRepairApplyBody = z.object({
  listingId: ZId,
  applicantName: z.string().trim().min(1, '请填写申请人').max(100),
  applicationText: z.string().trim().min(2, '请填写申请事由').max(4000),
});
export const ZRepairReviewBody = z.object({
  opinion: z.string().trim().min(2, '请填写审查意见').max(2000),
  version: ZVersion,
});
export const ZRepairDecideBody = ZDecisionFields.extend({
  decision: z.enum(['approve', 'reject']),
  version: ZVersion,
});
export const ZRepairCondition = z.object({ code: z.string(), label: z.string(), met: z.boolean() });
export const ZRepair = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  listingId: z.number().int(),
  list: ZCreditList,
  stationName: z.string(),
  status: z.string(),
  applicantName: z.string(),
  applicationText: z.string(),
  appliedOn: ZIsoDate,
  conditions: z.array(ZRepairCondition).nullable(),
  reviewOpinion: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedOn: ZIsoDate.nullable(),
  documentFileId: z.number().int().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export const ZRepairQuery = ZPageQuery.extend({
  status: z.enum(['applied', 'reviewed', 'approved', 'rejected']).optional(),
  entityId: ZId.optional(),
});

// ---- risk model and classes
const ZIndicator = z.discriminatedUnion('kind', [
  z.object({
    code: z.string().min(1).max(40),
    label: z.string().min(1).max(100),
    kind: z.literal('flag'),
    fact: z.string().max(64),
    points: z.number(),
  }),
  z.object({
    code: z.string().min(1).max(40),
    label: z.string().min(1).max(100),
    kind: z.literal('count'),
    fact: z.string().max(64),
    pointsEach: z.number(),
    cap: z.number(),
  }),
  z.object({
    code: z.string().min(1).max(40),
    label: z.string().min(1).max(100),
    kind: z.literal('prefix'),
    fact: z.string().max(64),
    table: z.record(z.string(), z.number()),
  }),
]);
export const ZModelBody = z.object({
  name: z.string().trim().min(2, '请填写模型名称').max(100),
  note: z.string().max(2000).optional(),
  indicators: z.array(ZIndicator).max(50),
  thresholds: z.object({ B: z.number(), C: z.number(), D: z.number() }),
});
export const ZModel = ZModelBody.extend({
  version: z.number().int(),
  active: z.boolean(),
  note: z.string().nullable(),
  createdAt: ZTimestamp.nullable(),
});
export const ZModelsView = z.object({
  models: z.array(ZModel),
  facts: z.array(z.object({ fact: z.string(), kind: z.string(), label: z.string() })),
  queued: z.number().int(),
});
export const ZJobStarted = z.object({ jobId: z.number().int() });

export const ZDistribution = z.object({
  byStation: z.array(
    z.object({ stationId: z.number().int(), stationName: z.string(), counts: z.record(ZRiskClass, z.number().int()) }),
  ),
  byIndustry: z.array(
    z.object({ section: z.string(), name: z.string(), counts: z.record(ZRiskClass, z.number().int()) }),
  ),
  totals: z.record(ZRiskClass, z.number().int()),
});

export const ZEntityCredit = z.object({
  entity: z.object({ id: z.number().int(), uscc: z.string(), name: z.string(), stationName: z.string() }),
  current: z
    .object({ riskClass: ZRiskClass, score: z.number().int(), modelVersion: z.number().int(), computedAt: ZTimestamp })
    .nullable(),
  /** The active model applied to today's facts (the reason why). */
  breakdown: z.object({
    riskClass: ZRiskClass,
    score: z.number().int(),
    modelVersion: z.number().int(),
    parts: z.array(z.object({ code: z.string(), label: z.string(), points: z.number() })),
    facts: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  }),
  history: z.array(
    z.object({
      riskClass: ZRiskClass,
      previousClass: ZRiskClass.nullable(),
      score: z.number().int(),
      modelVersion: z.number().int(),
      changedAt: ZTimestamp,
    }),
  ),
  listings: z.array(ZListing),
  annualReports: z.array(ZAnnualReport),
  documents: z.array(
    z.object({ kind: z.string(), decisionNo: z.string(), fileId: z.number().int(), createdAt: ZTimestamp }),
  ),
});

export type TBatch = z.infer<typeof ZBatch>;
export type TListing = z.infer<typeof ZListing>;
export type TRepair = z.infer<typeof ZRepair>;
export type TModelBody = z.infer<typeof ZModelBody>;
export type TEntityCredit = z.infer<typeof ZEntityCredit>;
export type TDistribution = z.infer<typeof ZDistribution>;
