import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { TFoodImportResult } from '../../../contracts/food.ts';
import type { TProductItem } from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import {
  parseProductSampleNo,
  productResultColumns,
  standardPattern,
} from '../../../domain/product-sampling-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { readHeaderSheet } from '../../entities/import/header-sheet.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { productSampleKind, reachOf } from '../access.ts';
import * as repo from '../repos/samples.ts';
import { recordResult } from './samples.ts';

type Key = keyof typeof productResultColumns;
const required: Key[] = ['sampleNo', 'testedOn', 'itemName', 'value', 'standard', 'conclusion'];
const conclusionByLabel = new Map<string, 'pass' | 'fail'>([
  ['合格', 'pass'],
  ['不合格', 'fail'],
  ['pass', 'pass'],
  ['fail', 'fail'],
]);

/**
 * Lab results as XLSX or CSV: every row is checked (the 抽查单 exists, is in reach and waits for its result, the
 * date is not in the future nor before sampling, the standard is a GB-style number, the conclusion is 合格/不合格);
 * either every sample's result is recorded in one transaction or nothing is, with every bad row reported.
 */
export function createProductResultImport(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  return async function importResults(actor: Actor, file: Uint8Array, filename = ''): Promise<TFoodImportResult> {
    assertPermitted(actor, productSampleKind, 'write');
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const rows = await readHeaderSheet(file, deps.limits, productResultColumns, required, filename);
    const errors: TEntityImportError[] = [];
    const fail = (row: number, key: Key, value: unknown, reason: string) =>
      errors.push({ row, column: productResultColumns[key], value: cellText(value) || undefined, reason });
    const ids = [
      ...new Set(
        rows.map((r) => parseProductSampleNo(cellText(r.cells.sampleNo))).filter((n): n is number => n !== null),
      ),
    ];
    const samples = new Map((await repo.samplesByIds(db, ids)).map((s) => [s.id, s]));
    const bySample = new Map<
      number,
      { testedOn: string; reportNo: string | null; row: number; items: TProductItem[] }
    >();
    for (const r of rows) {
      const before = errors.length;
      const text = (k: Key) => cellText(r.cells[k]);
      for (const k of required) if (!text(k)) fail(r.row, k, '', '必填');
      const id = text('sampleNo') ? parseProductSampleNo(text('sampleNo')) : null;
      const s = id === null ? undefined : samples.get(id);
      if (text('sampleNo') && id === null)
        fail(r.row, 'sampleNo', text('sampleNo'), '抽查单编号格式应为 CC + 8 位数字');
      else if (id !== null && (!s || !canRead(actor, reachOf(s))))
        fail(r.row, 'sampleNo', text('sampleNo'), '抽查单不存在或不在本人数据范围内');
      else if (s && s.status !== 'sampled')
        fail(r.row, 'sampleNo', text('sampleNo'), '该样品已有检验结果，不能重复导入');
      let testedOn = '';
      if (text('testedOn')) {
        const d = parseDate(r.cells.testedOn);
        if (!d.ok) fail(r.row, 'testedOn', r.cells.testedOn, d.reason);
        else if (d.value > today) fail(r.row, 'testedOn', d.value, '检验日期不能晚于今天');
        else if (s && d.value < s.sampledOn) fail(r.row, 'testedOn', d.value, `检验日期早于抽样日期（${s.sampledOn}）`);
        else testedOn = d.value;
      }
      if (text('standard') && !standardPattern.test(text('standard')))
        fail(r.row, 'standard', text('standard'), '判定依据应为标准号，如 GB 4706.1-2005');
      const conclusion = conclusionByLabel.get(text('conclusion'));
      if (text('conclusion') && !conclusion)
        fail(r.row, 'conclusion', text('conclusion'), '单项结论应为“合格”或“不合格”');
      if (errors.length > before || !s || !conclusion) continue;
      const group = bySample.get(s.id) ?? { testedOn, reportNo: text('reportNo') || null, row: r.row, items: [] };
      if (group.testedOn !== testedOn) {
        fail(r.row, 'testedOn', testedOn, `同一抽查单的检验日期不一致（第 ${group.row} 行为 ${group.testedOn}）`);
        continue;
      }
      group.items.push({ itemName: text('itemName'), value: text('value'), standard: text('standard'), conclusion });
      bySample.set(s.id, group);
    }
    if (errors.length || bySample.size === 0) {
      if (!errors.length) errors.push({ row: 0, column: '', reason: '文件中没有数据行' });
      return { total: rows.length, imported: 0, errors: errors.sort((a, b) => a.row - b.row) };
    }
    await db.transaction(async (tx) => {
      for (const [id, g] of bySample) await recordResult(tx, actor, samples.get(id)!, g);
    });
    return { total: rows.length, imported: rows.length, errors: [] };
  };
}
export type ProductResultImport = ReturnType<typeof createProductResultImport>;
