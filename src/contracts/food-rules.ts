import type { FoodGradingConfig } from '../domain/food-grading.ts';
import { z } from './zod.ts';

/**
 * 量化分级规则 (issue 13): the provincial values of src/domain/food-grading.ts as a versioned configuration. Every
 * message names the field in Chinese; the ordering rules (优秀 > 良好 > 一般, A > B, 重点 ≥ 一般 deduction) are checked
 * on the field that breaks them, so a 422 points at it.
 */
const int = (label: string, min: number, max: number, maxWhy = '') =>
  z
    .number({ error: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}${maxWhy}`);

export const ZFoodGradingConfig = z
  .object({
    failOnKeyFailures: int('判定不符合的重点项不合格数', 1, 10),
    failOnGeneralFailures: int('判定不符合的一般项不合格数', 1, 50).nullable(),
    keyDeduction: int('重点项每项扣分', 1, 100),
    generalDeduction: int('一般项每项扣分', 1, 100),
    bands: z.object({
      excellent: int('优秀分数线', 1, 100),
      good: int('良好分数线', 1, 100),
      fair: int('一般分数线', 1, 100),
    }),
    noGradeOnKeyFailures: int('不予评级的重点项不合格数', 1, 20),
    rectifyWorkingDays: z.object({
      basicPass: int('基本符合整改期限（工作日）', 1, 60),
      fail: int('不符合整改期限（工作日）', 1, 60),
    }),
    newLicenceEmbargoMonths: int('新办许可后不评级月数', 0, 24),
    incidentEmbargoMonths: int('发生食品安全事故后不评级月数', 0, 24),
    annual: z.object({
      A: int('年度A级分数线', 1, 100),
      B: int('年度B级分数线', 1, 100),
      windowMonths: int('年度评级统计月数', 1, 36),
      noneCapsAtC: z.boolean({ error: '“有不予评级即定为C级”须为是或否' }),
    }),
    publishWorkingDays: int('检查结果公示期限（工作日）', 1, 20, '（食品生产经营监督检查管理办法第三十九条）'),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (c.bands.good >= c.bands.excellent) issue(['bands', 'good'], '良好分数线须低于优秀分数线');
    if (c.bands.fair >= c.bands.good) issue(['bands', 'fair'], '一般分数线须低于良好分数线');
    if (c.annual.B >= c.annual.A) issue(['annual', 'B'], '年度B级分数线须低于A级分数线');
    if (c.generalDeduction > c.keyDeduction) issue(['generalDeduction'], '一般项每项扣分不能高于重点项每项扣分');
  }) satisfies z.ZodType<FoodGradingConfig>;
export type TFoodGradingConfig = z.infer<typeof ZFoodGradingConfig>;

export const ZFoodGradingRulesBody = z.object({
  name: z.string().trim().min(1, '规则名称不能为空').max(60, '规则名称不能超过 60 字'),
  note: z.string().trim().max(200, '说明不能超过 200 字').optional(),
  config: ZFoodGradingConfig,
});
export type TFoodGradingRulesBody = z.infer<typeof ZFoodGradingRulesBody>;

export const ZFoodGradingRulesVersion = z.object({
  version: z.number().int(),
  name: z.string(),
  note: z.string().nullable(),
  config: ZFoodGradingConfig,
  active: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  activatedByName: z.string().nullable(),
  activatedAt: z.string().nullable(),
});
export type TFoodGradingRulesVersion = z.infer<typeof ZFoodGradingRulesVersion>;
export const ZFoodGradingRulesList = z.object({ versions: z.array(ZFoodGradingRulesVersion) });

export const ZFoodGradingRulesActivated = z.object({ version: z.number().int(), activatedAt: z.string() });
