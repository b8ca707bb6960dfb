import type { Transition } from './transition.ts';

/**
 * 缺陷产品召回 (《消费品召回管理暂行规定》, SAMR): the producer files its recall plan, reports progress (quantity
 * recovered by date), and the recall is completed. One table for the recall and one for the review of an imported
 * risk alert's match against a registered producer or seller (confirm → 案件线索, or dismiss).
 */
export const recallStatusLabels = {
  planned: '已备案召回计划',
  inProgress: '召回实施中',
  completed: '已完成召回',
} as const;
export type RecallStatus = keyof typeof recallStatusLabels;
export const recallStatuses = Object.keys(recallStatusLabels) as [RecallStatus, ...RecallStatus[]];

export type RecallRequirement = 'plan' | 'quantity' | 'reportedOn' | 'quantityRecovered' | 'completedOn';

export const recallTransitions = {
  file: { label: '备案召回计划', from: [null], to: 'planned', requires: ['plan', 'quantity'] },
  report: {
    label: '报告召回进展',
    from: ['planned', 'inProgress'],
    to: 'inProgress',
    requires: ['reportedOn', 'quantityRecovered'],
  },
  complete: { label: '完成召回', from: ['inProgress'], to: 'completed', requires: ['completedOn'] },
  publish: { label: '公布召回信息', from: ['planned', 'inProgress', 'completed'], to: null, requires: [] },
} as const satisfies Record<string, Transition<RecallStatus, RecallRequirement>>;
export type RecallAction = keyof typeof recallTransitions;

export const alertMatchStatusLabels = { pending: '待核实', confirmed: '已确认', dismissed: '已排除' } as const;
export type AlertMatchStatus = keyof typeof alertMatchStatusLabels;
export const alertMatchStatuses = Object.keys(alertMatchStatusLabels) as [AlertMatchStatus, ...AlertMatchStatus[]];

export const alertMatchTransitions = {
  confirm: { label: '确认匹配并生成案件线索', from: ['pending'], to: 'confirmed', requires: [] },
  dismiss: { label: '排除匹配', from: ['pending'], to: 'dismissed', requires: ['note'] },
} as const satisfies Record<string, Transition<AlertMatchStatus, 'note'>>;
export type AlertMatchAction = keyof typeof alertMatchTransitions;

/** Days staff have to confirm or dismiss a match (the work inbox clock). */
export const ALERT_MATCH_REVIEW_DAYS = 5;

/**
 * A progress report's recovered quantity keeps the total within the recalled quantity; null when it fits, else
 * the Chinese reason (the field is `quantityRecovered`).
 */
export function recoveredOverflow(recalled: number, recoveredSoFar: number, reported: number): string | null {
  const total = recoveredSoFar + reported;
  if (total <= recalled) return null;
  return `累计召回数量（${total}）超过召回总数（${recalled}），本次最多可报告 ${Math.max(0, recalled - recoveredSoFar)}`;
}

/** The alert file's columns (header text is the contract; docs/PRODUCT-RECALLS.md). */
export const alertImportColumns = {
  sourceRef: '通报编号',
  source: '通报来源',
  publishedOn: '通报日期',
  productName: '产品名称',
  risk: '风险描述',
  producerName: '生产者名称',
  producerUscc: '生产者统一社会信用代码',
  sellerName: '销售者名称',
  sellerUscc: '销售者统一社会信用代码',
} as const;
export type AlertImportColumn = keyof typeof alertImportColumns;
