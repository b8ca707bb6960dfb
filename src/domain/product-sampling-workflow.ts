import type { Transition } from './transition.ts';

/**
 * 产品质量监督抽查 (《产品质量监督抽查管理暂行办法》, SAMR Order 18/2019 — verify): the sample's one transition
 * table. A 合格 sample closes with its result; a 不合格 one is notified (the 异议/复检 window starts when the
 * producer/seller receives the result), may be retested, then is ordered to rectify (责令整改, a case lead) and
 * closes once a follow-up sample linked to it passes.
 */
export const productSampleStatusLabels = {
  sampled: '已抽样待检验',
  tested: '已出结果',
  notified: '已通知（不合格）',
  retestRequested: '已申请复检',
  retested: '已复检',
  rectifying: '整改中',
  closed: '已办结',
} as const;
export type ProductSampleStatus = keyof typeof productSampleStatusLabels;
export const productSampleStatuses = Object.keys(productSampleStatusLabels) as [
  ProductSampleStatus,
  ...ProductSampleStatus[],
];

export type ProductSampleAction = 'sample' | 'result' | 'close' | 'notify' | 'requestRetest' | 'retest' | 'rectify';
export type ProductSampleRequirement = 'testedOn' | 'noticeNo' | 'receivedOn' | 'requestedOn' | 'note';

export const productSampleTransitions: Record<
  ProductSampleAction,
  Transition<ProductSampleStatus, ProductSampleRequirement>
> = {
  sample: { label: '登记抽样', from: [null], to: 'sampled', requires: [] },
  result: { label: '录入检验结果', from: ['sampled'], to: 'tested', requires: ['testedOn'] },
  close: { label: '办结', from: ['tested', 'retested', 'rectifying'], to: 'closed', requires: [] },
  notify: { label: '送达不合格通知书', from: ['tested'], to: 'notified', requires: ['noticeNo', 'receivedOn'] },
  requestRetest: { label: '受理异议/复检申请', from: ['notified'], to: 'retestRequested', requires: ['requestedOn'] },
  retest: { label: '录入复检结论', from: ['retestRequested'], to: 'retested', requires: ['testedOn'] },
  rectify: { label: '责令整改', from: ['notified', 'retested'], to: 'rectifying', requires: ['note'] },
};

/** 抽查单 number shown to people and used in lab result files. */
export const productSampleNo = (id: number) => `CC${String(id).padStart(8, '0')}`;
export const parseProductSampleNo = (no: string): number | null => {
  const m = /^CC(\d{1,12})$/i.exec(no.trim());
  return m ? Number(m[1]) : null;
};

/** Lab result files (XLSX or CSV): one row per 检验项目; the rows of one sample share 检验日期 and 报告编号. */
export const productResultColumns = {
  sampleNo: '抽查单编号',
  testedOn: '检验日期',
  reportNo: '报告编号',
  itemName: '检验项目',
  value: '检测结果',
  standard: '判定依据（标准号）',
  conclusion: '单项结论',
} as const;

/** A standard as cited in a result: GB / GB/T / QB … with its number and year, e.g. GB 4706.1-2005. */
export const standardPattern = /^(GB|GB\/T|GB\/Z|[A-Z]{2}|[A-Z]{2}\/T)\s?\d+(\.\d+)*(-\d{4})?/;

/**
 * 分级监管: the sampling rounds of a category in a year from its grade's interval (months between rounds, data):
 * 3 → four quarters, 6 → two halves, 12 → the year, 24 → the year when it is even (every 2 years; verify).
 */
export function samplingRounds(year: number, intervalMonths: number): { start: string; end: string }[] {
  if (intervalMonths >= 24) return year % 2 === 0 ? samplingRounds(year, 12) : [];
  const rounds: { start: string; end: string }[] = [];
  for (let m = 1; m <= 12; m += intervalMonths) {
    const endMonth = m + intervalMonths - 1;
    const last = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
    rounds.push({
      start: `${year}-${String(m).padStart(2, '0')}-01`,
      end: `${year}-${String(endMonth).padStart(2, '0')}-${last}`,
    });
  }
  return rounds;
}
