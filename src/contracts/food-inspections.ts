import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 日常监督检查 and 量化分级 (issue 13 points 3–4). */
export const foodInspectionKinds = ['routine', 'followup', 'revisit', 'higher'] as const;
export const foodInspectionStatuses = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export const ZItemOutcome = z.enum(['pass', 'fail', 'na']);
export const ZFoodResult = z.enum(['pass', 'basicPass', 'fail']);
export const ZBusinessType = z.enum(['catering', 'sales', 'production']);

export const ZFoodInspectionSummary = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationName: z.string(),
  kind: z.enum(foodInspectionKinds),
  status: z.enum(foodInspectionStatuses),
  plannedOn: ZIsoDate.nullable(),
  inspectedOn: ZIsoDate.nullable(),
  result: ZFoodResult.nullable(),
  score: z.number().nullable(),
  visitId: z.number().int().nullable(),
  /** The visit's publication state: inspected (due by publishDueOn) or published. */
  visitStatus: z.string().nullable(),
  publishDueOn: ZIsoDate.nullable(),
  publishedAt: z.string().nullable(),
  rectifyDueOn: ZIsoDate.nullable(),
  version: z.number().int(),
});
export type TFoodInspectionSummary = z.infer<typeof ZFoodInspectionSummary>;

export const ZChecklistItem = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  section: z.string(),
  code: z.string(),
  name: z.string(),
  key: z.boolean(),
  outcome: ZItemOutcome.nullable(),
  notes: z.string().nullable(),
  fileIds: z.array(z.number().int()),
});

export const ZFoodGrade = z.object({
  id: z.number().int(),
  kind: z.enum(['dynamic', 'annual']),
  grade: z.string(),
  score: z.number().nullable(),
  inspectionId: z.number().int().nullable(),
  year: z.number().int().nullable(),
  gradedOn: ZIsoDate,
  status: z.string(),
  supersededOn: ZIsoDate.nullable(),
});
export type TFoodGrade = z.infer<typeof ZFoodGrade>;

export const ZFoodInspection = ZFoodInspectionSummary.extend({
  fullScope: z.boolean(),
  level: z.string(),
  checklist: z
    .object({
      id: z.number().int(),
      businessType: ZBusinessType,
      version: z.string(),
      title: z.string(),
      basis: z.string(),
      items: z.array(ZChecklistItem),
    })
    .nullable(),
  inspectors: z.array(z.object({ id: z.number().int(), name: z.string(), userId: z.number().int().nullable() })),
  /** The caller is one of the visit's inspectors and the inspection is in progress. */
  canRecord: z.boolean(),
  keyFailures: z.number().int().nullable(),
  generalFailures: z.number().int().nullable(),
  followupId: z.number().int().nullable(),
  followupOf: z.number().int().nullable(),
  caseLeadRef: z.string().nullable(),
  gradeWithheld: z.enum(['newLicence', 'incident']).nullable(),
  /** The 量化分级规则 version the result, score and grade were computed under (null: before versioned rules). */
  gradingRulesVersion: z.number().int().nullable(),
  grade: z.object({ id: z.number().int(), grade: z.string(), score: z.number(), status: z.string() }).nullable(),
  certificates: z.array(
    z.object({
      id: z.number().int(),
      staffName: z.string(),
      certificateNo: z.string(),
      validUntil: ZIsoDate,
      expired: z.boolean(),
    }),
  ),
  notes: z.string().nullable(),
});
export type TFoodInspection = z.infer<typeof ZFoodInspection>;

export const ZFoodInspectionQuery = ZPageQuery.extend({
  status: z.enum(foodInspectionStatuses).optional(),
  businessId: ZId.optional(),
  mine: z.coerce.boolean().optional(),
});

export const ZFoodInspectionCreate = z.object({
  businessId: ZId,
  kind: z.enum(['routine', 'followup', 'revisit']).default('routine'),
  plannedOn: ZIsoDate.optional(),
});

export const ZFoodInspectionStart = z.object({
  version: ZVersion,
  /** 执法检查人员 (spot_check_inspectors ids), at least two; the caller's own record is added when missing. */
  inspectorIds: z.array(ZId).max(6).default([]),
  businessType: ZBusinessType.optional(),
});

export const ZFoodResultsBody = z.object({
  items: z
    .array(
      z.object({
        itemId: ZId,
        outcome: ZItemOutcome,
        notes: z.string().trim().max(500).optional(),
        fileIds: z.array(ZId).max(20).default([]),
      }),
    )
    .min(1, '请至少录入一项检查结果')
    .max(100),
});

export const ZFoodSubmitBody = z.object({
  version: ZVersion,
  /** 不符合: also open a case lead (立案线索). */
  caseLead: z.boolean().default(false),
  notes: z.string().trim().max(1000).optional(),
});

export const ZFoodVersionBody = z.object({ version: ZVersion });

export const ZFoodIncidentBody = z.object({
  occurredOn: ZIsoDate,
  summary: z.string().trim().min(1, '请填写事故概况').max(500),
});

export const ZAnnualRecomputeBody = z.object({ asOf: ZIsoDate.optional() });
