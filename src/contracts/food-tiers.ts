import { foodRiskFacts, foodTiers } from '../domain/food-risk-model.ts';
import { ZId, ZIsoDate, ZPageQuery } from './common.ts';
import { z } from './zod.ts';

/** 食品安全 point 2: risk tiers A–D (versioned model), the yearly plan, Art. 42 higher-level inspections. */
export const ZFoodTier = z.enum(foodTiers);
const factNames = Object.keys(foodRiskFacts) as [keyof typeof foodRiskFacts, ...(keyof typeof foodRiskFacts)[]];
const ZFact = z.enum(factNames, { error: '事实项不存在' });
const points = z.number().int().min(-100, '分值不能低于 -100').max(100, '分值不能超过 100');
const ZCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9]{0,30}$/, '指标编码须为字母开头的字母数字');
const ZLabel = z.string().trim().min(1, '指标名称不能为空').max(40, '指标名称不能超过 40 字');
const ZTable = z.record(z.string().min(1).max(30), points);

export const ZFoodIndicator = z.discriminatedUnion('kind', [
  z.object({ code: ZCode, label: ZLabel, kind: z.literal('flag'), fact: ZFact, points }),
  z.object({
    code: ZCode,
    label: ZLabel,
    kind: z.literal('count'),
    fact: ZFact,
    pointsEach: points,
    cap: z.number().int().min(0, '上限不能为负').max(100, '上限不能超过 100'),
  }),
  z.object({ code: ZCode, label: ZLabel, kind: z.literal('match'), fact: ZFact, table: ZTable }),
  z.object({ code: ZCode, label: ZLabel, kind: z.literal('anyOf'), fact: ZFact, table: ZTable }),
  z.object({
    code: ZCode,
    label: ZLabel,
    kind: z.literal('atLeast'),
    fact: ZFact,
    steps: z.array(z.object({ min: z.number().min(0, '阶梯下限不能为负'), points })).max(10, '阶梯最多 10 级'),
  }),
]);

const visits = z.number().int('检查频次须为整数').min(1, '年检查频次至少 1 次').max(12, '年检查频次至多 12 次');
const ZVisitBand = z.object({ min: visits, max: visits });

export const ZFoodModelBody = z.object({
  name: z.string().trim().min(1, '模型名称不能为空').max(60, '模型名称不能超过 60 字'),
  note: z.string().trim().max(200, '说明不能超过 200 字').optional(),
  indicators: z.array(ZFoodIndicator).max(30, '指标最多 30 项'),
  thresholds: z.object({ B: z.number().int(), C: z.number().int(), D: z.number().int() }),
  visitsPerYear: z.object({ A: ZVisitBand, B: ZVisitBand, C: ZVisitBand, D: ZVisitBand }),
  fullScopeYears: z.number().int().min(1, '全项检查周期至少 1 年').max(2, '全项检查周期不得超过 2 年（第二十二条）'),
  higherLevelQuietMonths: z
    .number()
    .int()
    .min(3, '上级检查后免检期不得少于 3 个月（第四十二条）')
    .max(12, '免检期至多 12 个月'),
});
export type TFoodModelBody = z.infer<typeof ZFoodModelBody>;

export const ZFoodModel = ZFoodModelBody.extend({
  indicators: z.array(z.record(z.string(), z.unknown())),
  version: z.number().int(),
  active: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export const ZFoodModels = z.object({
  models: z.array(ZFoodModel),
  facts: z.array(z.object({ fact: z.string(), kind: z.string(), label: z.string() })),
});

export const ZFoodTierRow = z.object({
  businessId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  inspectorName: z.string().nullable(),
  tier: ZFoodTier.nullable(),
  score: z.number().int().nullable(),
  factors: z.array(z.object({ code: z.string(), label: z.string(), points: z.number() })),
  modelVersion: z.number().int().nullable(),
  computedAt: z.string().nullable(),
});
export type TFoodTierRow = z.infer<typeof ZFoodTierRow>;

export const ZFoodTierQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  tier: ZFoodTier.optional(),
  q: z.string().trim().max(60).optional(),
});
export const ZFoodTierSummaryQuery = z.object({ stationId: ZId.optional() });
export const ZFoodTierCounts = z.object({
  A: z.number(),
  B: z.number(),
  C: z.number(),
  D: z.number(),
  none: z.number(),
});

export const ZFoodTierDetail = ZFoodTierRow.extend({
  history: z.array(
    z.object({
      tier: ZFoodTier,
      previousTier: ZFoodTier.nullable(),
      score: z.number().int(),
      modelVersion: z.number().int(),
      changedAt: z.string(),
    }),
  ),
});

export const ZRecomputeResult = z.object({
  computed: z.number().int(),
  updated: z.number().int(),
  tierChanged: z.number().int(),
  modelVersion: z.number().int(),
  seconds: z.number(),
});

const thisYear = () => new Date().getFullYear();
export const ZPlanYear = z.coerce
  .number({ error: '年度须为数字' })
  .int('年度须为整数')
  .min(2000, '年度不能早于 2000 年')
  .max(2100, '年度不能晚于 2100 年');
export const ZPlanGenerateBody = z.object({ stationId: ZId, year: ZPlanYear.default(thisYear) });
export const ZPlanResult = z.object({
  stationId: z.number().int(),
  year: z.number().int(),
  businesses: z.number().int(),
  planned: z.number().int(),
  fullScope: z.number().int(),
  moved: z.number().int(),
  skipped: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  seconds: z.number(),
});

export const ZPlanCalendarQuery = z.object({
  stationId: ZId.optional(),
  year: ZPlanYear,
  month: z.coerce.number({ error: '月份须为数字' }).int().min(1, '月份须在 1–12 之间').max(12, '月份须在 1–12 之间'),
  mine: z.coerce.boolean().optional(),
});
export const ZPlanCalendar = z.object({
  days: z.array(z.object({ day: z.string(), n: z.number(), fullScope: z.number(), done: z.number() })),
});
export const ZPlanDayQuery = z.object({
  stationId: ZId.optional(),
  day: ZIsoDate,
  mine: z.coerce.boolean().optional(),
});
export const ZPlannedInspection = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  tier: ZFoodTier.nullable(),
  fullScope: z.boolean(),
  status: z.string(),
  plannedOn: z.string(),
  inspectorName: z.string().nullable(),
  stationName: z.string(),
});
export const ZPlanSummaryQuery = z.object({ stationId: ZId.optional(), year: ZPlanYear });
export const ZPlanSummary = z.object({
  year: z.number().int(),
  byTier: z.array(z.object({ tier: z.string(), n: z.number(), fullScope: z.number() })),
  byMonth: z.array(z.object({ month: z.number(), n: z.number() })),
});

export const ZHigherInspectionBody = z.object({
  businessId: ZId,
  level: z.enum(['city', 'province', 'national'], { error: '检查层级须为 city、province 或 national' }),
  inspectedOn: ZIsoDate,
  result: z.enum(['pass', 'basicPass', 'fail'], { error: '检查结果须为 pass、basicPass 或 fail' }).optional(),
});
export const ZHigherInspectionResult = z.object({
  id: z.number().int(),
  moved: z.array(z.object({ id: z.number().int(), from: z.string(), to: z.string() })),
  skipped: z.array(z.number().int()),
});
