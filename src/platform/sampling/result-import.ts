import type { TFoodImportResult } from '../../contracts/food.ts';
import type { Queryable } from '../../db/client.ts';
import type { Conclusion } from '../../domain/sampling.ts';

/**
 * Lab results from a sheet, all rows or none: every row is checked (required cells, the sample number, the sample
 * in the caller's reach and waiting for its result, the date neither in the future nor before the sample's earliest
 * day, the module's own item cells, the conclusion) and every bad row is reported; only a clean file records a
 * result per sample, all in one transaction. The module reads the sheet and records one result; the rest is here.
 */
type ImportError = TFoodImportResult['errors'][number];
type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The base item every result row carries; a module adds its own cells (e.g. 项目类别, 标准限值). */
export interface BaseItem {
  itemName: string;
  value: string;
  standard: string;
  conclusion: Conclusion;
}

export interface ResultImportSpec<K extends string, S extends { id: number }, Extra> {
  columns: Readonly<Record<K, string>>;
  required: readonly K[];
  /** The cell readers of the import (text of any cell; a date from text or an Excel date). */
  cellText(v: unknown): string;
  parseDate(v: unknown): Parsed<string>;
  parseNo(no: string): number | null;
  /** '抽样单' | '抽查单', and the 422 text for a malformed number. */
  noun: string;
  badNo: string;
  samplesByIds(ids: readonly number[]): Promise<S[]>;
  canRead(s: S): boolean;
  /** Why this sample does not take a result now (its status), or null when it does. */
  notWaiting(s: S): string | null;
  /** The day a test cannot precede: 送检日期 or 抽样日期. */
  earliest(s: S): { day: string | null; label: string };
  /** The module's own cells of a row, checked between the date and the conclusion; null when one is bad. */
  extra(text: (k: K) => string, fail: (k: K, value: unknown, reason: string) => void): Extra | null;
  /** Records one sample's result (its transitions and audit rows) inside the import's transaction. */
  record(
    tx: Queryable,
    s: S,
    g: { testedOn: string; reportNo: string | null; items: (BaseItem & Extra)[] },
  ): Promise<unknown>;
  transaction<T>(run: (tx: Queryable) => Promise<T>): Promise<T>;
}

const conclusionByLabel = new Map<string, Conclusion>([
  ['合格', 'pass'],
  ['不合格', 'fail'],
  ['pass', 'pass'],
  ['fail', 'fail'],
]);

export async function importResultRows<K extends string, S extends { id: number }, Extra>(
  spec: ResultImportSpec<
    K | 'sampleNo' | 'testedOn' | 'reportNo' | 'itemName' | 'value' | 'standard' | 'conclusion',
    S,
    Extra
  >,
  rows: readonly { row: number; cells: Record<string, unknown> }[],
  today: string,
): Promise<TFoodImportResult> {
  type Key = K | 'sampleNo' | 'testedOn' | 'reportNo' | 'itemName' | 'value' | 'standard' | 'conclusion';
  const { cellText } = spec;
  const errors: ImportError[] = [];
  const fail = (row: number, key: Key, value: unknown, reason: string) =>
    errors.push({ row, column: spec.columns[key], value: cellText(value) || undefined, reason });
  const ids = [
    ...new Set(rows.map((r) => spec.parseNo(cellText(r.cells.sampleNo))).filter((n): n is number => n !== null)),
  ];
  const samples = new Map((await spec.samplesByIds(ids)).map((s) => [s.id, s]));
  type Group = { testedOn: string; reportNo: string | null; row: number; items: (BaseItem & Extra)[] };
  const bySample = new Map<number, Group>();
  for (const r of rows) {
    const before = errors.length;
    const text = (k: Key) => cellText(r.cells[k]);
    for (const k of spec.required) if (!text(k)) fail(r.row, k, '', '必填');
    const id = text('sampleNo') ? spec.parseNo(text('sampleNo')) : null;
    const s = id === null ? undefined : samples.get(id);
    const waiting = s && spec.canRead(s) ? spec.notWaiting(s) : null;
    if (text('sampleNo') && id === null) fail(r.row, 'sampleNo', text('sampleNo'), spec.badNo);
    else if (id !== null && (!s || !spec.canRead(s)))
      fail(r.row, 'sampleNo', text('sampleNo'), `${spec.noun}不存在或不在本人数据范围内`);
    else if (waiting) fail(r.row, 'sampleNo', text('sampleNo'), waiting);
    let testedOn = '';
    if (text('testedOn')) {
      const d = spec.parseDate(r.cells.testedOn);
      const earliest = s && spec.earliest(s);
      if (!d.ok) fail(r.row, 'testedOn', r.cells.testedOn, d.reason);
      else if (d.value > today) fail(r.row, 'testedOn', d.value, '检验日期不能晚于今天');
      else if (earliest?.day && d.value < earliest.day)
        fail(r.row, 'testedOn', d.value, `检验日期早于${earliest.label}（${earliest.day}）`);
      else testedOn = d.value;
    }
    const extra = spec.extra(text, (k, value, reason) => fail(r.row, k, value, reason));
    const conclusion = conclusionByLabel.get(text('conclusion'));
    if (text('conclusion') && !conclusion)
      fail(r.row, 'conclusion', text('conclusion'), '单项结论应为“合格”或“不合格”');
    if (errors.length > before || !s || !extra || !conclusion) continue;
    const group = bySample.get(s.id) ?? { testedOn, reportNo: text('reportNo') || null, row: r.row, items: [] };
    if (group.testedOn !== testedOn) {
      fail(r.row, 'testedOn', testedOn, `同一${spec.noun}的检验日期不一致（第 ${group.row} 行为 ${group.testedOn}）`);
      continue;
    }
    const base = { itemName: text('itemName'), value: text('value'), standard: text('standard'), conclusion };
    group.items.push({ ...base, ...extra });
    bySample.set(s.id, group);
  }
  if (errors.length || bySample.size === 0) {
    if (!errors.length) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
    return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
  }
  await spec.transaction(async (tx) => {
    for (const [id, g] of bySample) await spec.record(tx, samples.get(id)!, g);
  });
  return { total: rows.length, imported: rows.length, errors: [] };
}
