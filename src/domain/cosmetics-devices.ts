import type { Transition } from './transition.ts';

/**
 * 两品一械 (cosmetics and medical devices): the number formats of business licences / 备案 and of product registrations
 * / 备案 (NMPA numbering; verify locally), and the adverse-event workflow.
 */
export const cdCategories = { cosmetics: '化妆品', device: '医疗器械' } as const;
export type CdCategory = keyof typeof cdCategories;
export const cdLicenceKinds = { licence: '许可', filing: '备案' } as const;
export type CdLicenceKind = keyof typeof cdLicenceKinds;

const P = '[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]';

/** Business numbers: 医疗器械经营许可证 / 第二类经营备案凭证, 化妆品生产许可证 / 普通化妆品备案 (the business's first product). */
const businessFormats: Record<CdCategory, Record<CdLicenceKind, { re: RegExp; example: string }>> = {
  device: {
    licence: {
      re: new RegExp(`^${P}[\\u4e00-\\u9fa5]{1,2}(?:食)?药监械经营许\\d{8}号$`),
      example: '粤佛药监械经营许20200001号',
    },
    filing: {
      re: new RegExp(`^${P}[\\u4e00-\\u9fa5]{1,2}(?:食)?药监械经营备\\d{8}号$`),
      example: '粤佛药监械经营备20200001号',
    },
  },
  cosmetics: {
    licence: { re: new RegExp(`^${P}妆\\d{8}$`), example: '粤妆20160001' },
    filing: { re: new RegExp(`^${P}G妆网备字\\d{10}$`), example: '粤G妆网备字2020001234' },
  },
};

/** Product numbers: device 注册证 (class II/III) or 备案 (class I); cosmetics 特殊化妆品注册证 or 普通化妆品备案. */
const productFormats: Record<CdCategory, { re: RegExp; example: string }[]> = {
  device: [
    { re: new RegExp(`^(?:国|${P})械注[准进许]\\d{11}$`), example: '国械注准20163461234' },
    { re: new RegExp(`^(?:国|${P})(?:[\\u4e00-\\u9fa5])?械备\\d{8}号?$`), example: '粤佛械备20200012号' },
  ],
  cosmetics: [
    { re: /^国妆特(?:进)?字[GJ]\d{8}$/, example: '国妆特字G20210001' },
    { re: new RegExp(`^${P}G妆网备字\\d{10}$`), example: '粤G妆网备字2020001234' },
    { re: new RegExp(`^国妆网备进字[（(]${P}[）)]\\d{10}$`), example: '国妆网备进字（粤）2021001234' },
  ],
};

/** undefined when the number fits; otherwise the Chinese reason with an example. */
export function businessNumberProblem(category: CdCategory, kind: CdLicenceKind, no: string): string | undefined {
  const f = businessFormats[category][kind];
  return f.re.test(no)
    ? undefined
    : `${cdCategories[category]}${cdLicenceKinds[kind]}编号格式不正确（例：${f.example}）`;
}

export function productNumberProblem(category: CdCategory, no: string): string | undefined {
  const fs = productFormats[category];
  if (fs.some((f) => f.re.test(no))) return undefined;
  return `${cdCategories[category]}产品注册证/备案编号格式不正确（例：${fs.map((f) => f.example).join('、')}）`;
}

export const adverseSeverities = { general: '一般', serious: '严重', death: '死亡' } as const;
export type AdverseSeverity = keyof typeof adverseSeverities;
export const adverseStatuses = {
  reported: '已报告',
  assessing: '评价中',
  referred: '已移送',
  closed: '已结束',
} as const;
export type AdverseStatus = keyof typeof adverseStatuses;

/** 不良反应/不良事件: reported → assessing → closed, or referred (to a case or the provincial centre), each with a note. */
export const adverseEventWorkflow = {
  assess: { label: '开始评价', from: ['reported'], to: 'assessing', requires: [] },
  refer: { label: '移送处理', from: ['reported', 'assessing'], to: 'referred', requires: ['note'] },
  close: { label: '结束', from: ['assessing'], to: 'closed', requires: ['note'] },
  reopen: { label: '重新评价', from: ['closed'], to: 'assessing', requires: ['note'] },
} as const satisfies Record<string, Transition<AdverseStatus, 'note'>>;
export type AdverseEventAction = keyof typeof adverseEventWorkflow;

/** 两品一械 inspections: scheduled on the visit engine, then one result by one of the visit's inspectors. */
export const cdInspectionStatuses = { scheduled: '待检查', done: '已完成' } as const;
export type CdInspectionStatus = keyof typeof cdInspectionStatuses;
export const cdInspectionResults = { pass: '符合', rectify: '限期整改', fail: '不符合' } as const;
export type CdInspectionResult = keyof typeof cdInspectionResults;
export const cdInspectionWorkflow = {
  schedule: { label: '安排检查', from: [null], to: 'scheduled', requires: [] },
  record: { label: '录入检查结果', from: ['scheduled'], to: 'done', requires: [] },
} as const satisfies Record<string, Transition<CdInspectionStatus, never>>;
