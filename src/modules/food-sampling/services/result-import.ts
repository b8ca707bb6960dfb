import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import type { TFoodImportResult } from '../../../contracts/food.ts';
import type { TSampleItem } from '../../../contracts/food-sampling.ts';
import type { Db } from '../../../db/client.ts';
import {
  parseSampleNo,
  resultImportColumns,
  type SamplingHazard,
  samplingHazards,
} from '../../../domain/food-sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { readHeaderSheet } from '../../entities/import/header-sheet.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { foodSampleKind, foodSampleReach } from '../access.ts';
import * as repo from '../repos/samples.ts';
import { recordResult } from './samples.ts';

export { resultImportColumns };

type Key = keyof typeof resultImportColumns;
const required: Key[] = ['sampleNo', 'testedOn', 'itemName', 'hazard', 'value', 'standard', 'conclusion'];
const hazardByLabel = new Map<string, SamplingHazard>(
  Object.entries(samplingHazards).flatMap(([k, l]) => [
    [l, k as SamplingHazard],
    [k, k as SamplingHazard],
  ]),
);
const conclusionByLabel = new Map<string, 'pass' | 'fail'>([
  ['合格', 'pass'],
  ['不合格', 'fail'],
  ['pass', 'pass'],
  ['fail', 'fail'],
]);

/**
 * XLSX import of lab results (the registry import's reader): every row is checked — the 抽样单 exists, lies in the
 * caller's reach and waits for its result, dates, 项目类别 and 单项结论 — and either every sample's result is recorded
 * (each its own transitions and audit rows, in one transaction) or nothing is, with every bad row reported.
 */
export function createResultImport(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  return async function importResults(actor: Actor, file: Uint8Array): Promise<TFoodImportResult> {
    assertPermitted(actor, foodSampleKind, 'write');
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const rows = await readHeaderSheet(file, deps.limits, resultImportColumns, required);
    const errors: TEntityImportError[] = [];
    const fail = (row: number, key: Key, value: unknown, reason: string) =>
      errors.push({ row, column: resultImportColumns[key], value: cellText(value) || undefined, reason });
    const ids = [
      ...new Set(rows.map((r) => parseSampleNo(cellText(r.cells.sampleNo))).filter((n): n is number => n !== null)),
    ];
    const samples = new Map((await repo.samplesByIds(db, ids)).map((s) => [s.id, s]));
    const bySample = new Map<
      number,
      { testedOn: string; reportNo: string | null; row: number; items: TSampleItem[] }
    >();
    for (const r of rows) {
      const before = errors.length;
      const text = (k: Key) => cellText(r.cells[k]);
      for (const k of required) if (!text(k)) fail(r.row, k, '', '必填');
      const id = text('sampleNo') ? parseSampleNo(text('sampleNo')) : null;
      const s = id === null ? undefined : samples.get(id);
      if (text('sampleNo') && id === null)
        fail(r.row, 'sampleNo', text('sampleNo'), '抽样单编号格式应为 CJ + 8 位数字');
      else if (id !== null && (!s || !canRead(actor, foodSampleReach(s))))
        fail(r.row, 'sampleNo', text('sampleNo'), '抽样单不存在或不在本人数据范围内');
      else if (s && s.status !== 'delivered')
        fail(
          r.row,
          'sampleNo',
          text('sampleNo'),
          `该样品状态为“${s.status === 'sampled' ? '待送检' : '已有检验结果'}”，不能导入结果`,
        );
      let testedOn = '';
      if (text('testedOn')) {
        const d = parseDate(r.cells.testedOn);
        if (!d.ok) fail(r.row, 'testedOn', r.cells.testedOn, d.reason);
        else if (d.value > today) fail(r.row, 'testedOn', d.value, '检验日期不能晚于今天');
        else if (s?.deliveredOn && d.value < s.deliveredOn)
          fail(r.row, 'testedOn', d.value, `检验日期早于送检日期（${s.deliveredOn}）`);
        else testedOn = d.value;
      }
      const hazard = hazardByLabel.get(text('hazard'));
      if (text('hazard') && !hazard)
        fail(r.row, 'hazard', text('hazard'), `未知的项目类别（可用：${Object.values(samplingHazards).join('、')}）`);
      const conclusion = conclusionByLabel.get(text('conclusion'));
      if (text('conclusion') && !conclusion)
        fail(r.row, 'conclusion', text('conclusion'), '单项结论应为“合格”或“不合格”');
      if (errors.length > before || !s || !hazard || !conclusion) continue;
      const group = bySample.get(s.id) ?? { testedOn, reportNo: text('reportNo') || null, row: r.row, items: [] };
      if (group.testedOn !== testedOn) {
        fail(r.row, 'testedOn', testedOn, `同一抽样单的检验日期不一致（第 ${group.row} 行为 ${group.testedOn}）`);
        continue;
      }
      group.items.push({
        itemName: text('itemName'),
        hazard,
        value: text('value'),
        limit: text('limit'),
        standard: text('standard'),
        conclusion,
      });
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
export type ResultImport = ReturnType<typeof createResultImport>;
