import { detectSpike, type SpikeResult } from './spike.ts';
import type { Transition } from './transition.ts';

/**
 * 重点药品购药登记: the spike rule over the daily rollup, masking a buyer's name, the POS import's columns and the
 * alert's handling. Values (watch list, retention, k, minimum count, baseline days) are data in drug_sale_settings.
 */

/** A name keeps its first character: 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export interface SpikeRule {
  k: number;
  minCount: number;
  baselineDays: number;
}

export interface DailyCount {
  day: string;
  drugClass: string;
  townshipCode: string;
  n: number;
}

export interface SaleSpike extends SpikeResult {
  day: string;
  drugClass: string;
  townshipCode: string;
}

const dayMs = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);

/**
 * For each class × township, `day`'s count against the `baselineDays` days before it (days without sales count 0),
 * through the shared detector (src/domain/spike.ts): a spike needs minCount and mean + k·sd of the baseline.
 */
export function saleSpikes(rows: readonly DailyCount[], day: string, rule: SpikeRule): SaleSpike[] {
  const first = addDays(day, -rule.baselineDays);
  const series = new Map<string, { drugClass: string; townshipCode: string; byDay: Map<string, number> }>();
  for (const r of rows) {
    if (r.day < first || r.day > day) continue;
    const key = `${r.drugClass}\u0000${r.townshipCode}`;
    const s = series.get(key) ?? { drugClass: r.drugClass, townshipCode: r.townshipCode, byDay: new Map() };
    s.byDay.set(r.day, (s.byDay.get(r.day) ?? 0) + r.n);
    series.set(key, s);
  }
  const out: SaleSpike[] = [];
  for (const s of series.values()) {
    const observed = s.byDay.get(day) ?? 0;
    const baseline = Array.from({ length: rule.baselineDays }, (_, i) => s.byDay.get(addDays(day, -1 - i)) ?? 0);
    const r = detectSpike(observed, baseline, { k: rule.k, minCount: rule.minCount });
    if (r.spike) out.push({ ...r, day, drugClass: s.drugClass, townshipCode: s.townshipCode });
  }
  return out.sort((a, b) => b.observed - a.observed);
}

/** POS export columns (Chinese header → field); 体温 and 数量 may be missing. */
export const saleImportColumns = {
  soldOn: '销售日期',
  drugName: '药品名称',
  quantity: '数量',
  buyerName: '购药人姓名',
  idNumber: '身份证号',
  phone: '联系电话',
  temperature: '体温',
} as const;
export type SaleImportKey = keyof typeof saleImportColumns;
export const requiredSaleImportColumns: SaleImportKey[] = ['soldOn', 'drugName', 'buyerName', 'idNumber', 'phone'];

export const saleAlertStatuses = { new: '待处置', handled: '已处置' } as const;
export type SaleAlertStatus = keyof typeof saleAlertStatuses;

/** The health liaison (or drug:write staff) records what was done about a spike. */
export const saleAlertWorkflow = {
  handle: { label: '处置', from: ['new'], to: 'handled', requires: ['note'] },
} as const satisfies Record<string, Transition<SaleAlertStatus, 'note'>>;
export type SaleAlertAction = keyof typeof saleAlertWorkflow;
