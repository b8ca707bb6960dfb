import type { Transition } from './transition.ts';

/**
 * 食品安全监督抽检 (《食品安全抽样检验管理办法》, SAMR Order 15/2019): vocabularies, the sample's workflow table and
 * its deadlines. The deadlines are configuration (see `samplingDeadlines` and docs/FOOD.md).
 */

/** GB 2760-style 食品大类 (the categories the 抽检 plans and 合格率 are counted by). */
export const samplingFoodCategories = {
  grain: '粮食加工品',
  oil: '食用油、油脂及其制品',
  condiment: '调味品',
  meat: '肉制品',
  dairy: '乳制品',
  beverage: '饮料',
  instant: '方便食品',
  pastry: '糕点',
  alcohol: '酒类',
  vegetable: '蔬菜',
  fruit: '水果',
  livestock: '畜禽肉及副产品',
  aquatic: '水产品',
  egg: '鲜蛋',
  soy: '豆制品',
  catering: '餐饮食品',
} as const;
export type SamplingFoodCategory = keyof typeof samplingFoodCategories;
export const samplingFoodCategoryCodes = Object.keys(samplingFoodCategories) as [
  SamplingFoodCategory,
  ...SamplingFoodCategory[],
];

export const samplingHazards = {
  pesticide: '农药残留',
  vetDrug: '兽药残留',
  microbe: '微生物',
  additive: '食品添加剂',
  heavyMetal: '重金属',
  quality: '质量指标',
  contaminant: '污染物',
  illegalAdditive: '非食用物质',
} as const;
export type SamplingHazard = keyof typeof samplingHazards;
export const samplingHazardCodes = Object.keys(samplingHazards) as [SamplingHazard, ...SamplingHazard[]];

/** 抽样环节. */
export const samplingStages = { production: '生产环节', circulation: '流通环节', catering: '餐饮环节' } as const;
export type SamplingStage = keyof typeof samplingStages;
export const samplingStageCodes = Object.keys(samplingStages) as [SamplingStage, ...SamplingStage[]];

export const sampleStatusLabels = {
  sampled: '已抽样待送检',
  delivered: '已送检待出结果',
  tested: '已出结果',
  notified: '已通知（不合格）',
  retestRequested: '已申请复检',
  retested: '已复检',
  handled: '已核查处置',
  closed: '已办结',
} as const;
export type SampleStatus = keyof typeof sampleStatusLabels;
export const sampleStatuses = Object.keys(sampleStatusLabels) as [SampleStatus, ...SampleStatus[]];

export type SampleAction = 'sample' | 'deliver' | 'result' | 'close' | 'notify' | 'requestRetest' | 'retest' | 'handle';
export type SampleRequirement = 'deliveredOn' | 'testedOn' | 'noticeNo' | 'notifiedOn' | 'requestedOn' | 'note';

/**
 * The sample's one transition table. A 合格 sample is closed after its result; a 不合格 one is notified (the
 * 复检 window, the 核查处置 clock and the case lead start), may be retested, and ends when 核查处置 is recorded.
 */
export const sampleTransitions: Record<SampleAction, Transition<SampleStatus, SampleRequirement>> = {
  sample: { label: '登记抽样', from: [null], to: 'sampled', requires: [] },
  deliver: { label: '送达检验机构', from: ['sampled'], to: 'delivered', requires: ['deliveredOn'] },
  result: { label: '录入检验结果', from: ['delivered'], to: 'tested', requires: ['testedOn'] },
  close: { label: '办结（合格）', from: ['tested'], to: 'closed', requires: [] },
  notify: { label: '送达检验结果通知书', from: ['tested'], to: 'notified', requires: ['noticeNo', 'notifiedOn'] },
  requestRetest: { label: '申请复检', from: ['notified'], to: 'retestRequested', requires: ['requestedOn'] },
  retest: { label: '录入复检结论', from: ['retestRequested'], to: 'retested', requires: ['testedOn'] },
  handle: { label: '核查处置完毕', from: ['notified', 'retested'], to: 'handled', requires: ['note'] },
};

/** The deadlines, as configuration with the order's values as defaults. */
export interface SamplingDeadlines {
  /** 抽样后送达检验机构 (working days from the sampling date). */
  deliveryWorkingDays: number;
  /** 检验机构自收到样品之日起出具检验报告 (working days from receipt). Art. 29: 20. */
  resultWorkingDays: number;
  /** 被抽样者收到不合格检验结论之日起申请复检 (working days). Art. 35: 7. */
  retestWorkingDays: number;
  /** 核查处置 to be completed within this many calendar days of the notification. Art. 43 "90日内". */
  disposalDays: number;
}
export const defaultSamplingDeadlines: SamplingDeadlines = {
  deliveryWorkingDays: 5,
  resultWorkingDays: 20,
  retestWorkingDays: 7,
  disposalDays: 90,
};

export { addCalendarDays, sampleConclusion } from './sampling.ts';

export const sampleNo = (id: number) => `CJ${String(id).padStart(8, '0')}`;
export const parseSampleNo = (no: string): number | null => {
  const m = /^CJ(\d{1,12})$/i.exec(no.trim());
  return m ? Number(m[1]) : null;
};

/** One row per 检验项目; the rows of one 抽样单 carry the same 检验日期 (and 报告编号). */
export const resultImportColumns = {
  sampleNo: '抽样单编号',
  testedOn: '检验日期',
  reportNo: '报告编号',
  itemName: '检验项目',
  hazard: '项目类别',
  value: '检测值',
  limit: '标准限值',
  standard: '判定依据',
  conclusion: '单项结论',
} as const;
