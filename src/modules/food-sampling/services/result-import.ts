import type { TFoodImportResult } from '../../../contracts/food.ts';
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
import { importResultRows } from '../../../platform/sampling/result-import.ts';
import { readHeaderSheet } from '../../entities/import/header-sheet.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { foodSampleKind, foodSampleReach } from '../access.ts';
import * as repo from '../repos/samples.ts';
import { workflow } from './samples.ts';

export { resultImportColumns };

type Key = keyof typeof resultImportColumns;
const required: Key[] = ['sampleNo', 'testedOn', 'itemName', 'hazard', 'value', 'standard', 'conclusion'];
const hazardByLabel = new Map<string, SamplingHazard>(
  Object.entries(samplingHazards).flatMap(([k, l]) => [
    [l, k as SamplingHazard],
    [k, k as SamplingHazard],
  ]),
);

/**
 * XLSX import of lab results (the registry import's reader) through the shared all-or-nothing result import: the
 * 抽样单 must wait for its result (送检), the test not precede delivery; 项目类别 and 标准限值 are food's own cells.
 */
export function createResultImport(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  return async function importResults(actor: Actor, file: Uint8Array): Promise<TFoodImportResult> {
    assertPermitted(actor, foodSampleKind, 'write');
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const rows = await readHeaderSheet(file, deps.limits, resultImportColumns, required);
    return importResultRows(
      {
        columns: resultImportColumns,
        required,
        cellText,
        parseDate,
        parseNo: parseSampleNo,
        noun: '抽样单',
        badNo: '抽样单编号格式应为 CJ + 8 位数字',
        samplesByIds: (ids) => repo.samplesByIds(db, ids),
        canRead: (s) => canRead(actor, foodSampleReach(s)),
        notWaiting: (s) =>
          s.status === 'delivered'
            ? null
            : `该样品状态为“${s.status === 'sampled' ? '待送检' : '已有检验结果'}”，不能导入结果`,
        earliest: (s) => ({ day: s.deliveredOn, label: '送检日期' }),
        extra: (text, fail) => {
          const hazard = hazardByLabel.get(text('hazard'));
          if (text('hazard') && !hazard)
            fail('hazard', text('hazard'), `未知的项目类别（可用：${Object.values(samplingHazards).join('、')}）`);
          return hazard ? { hazard, limit: text('limit') } : null;
        },
        record: (tx, s, g) => workflow.recordResult(tx, actor, s, g),
        transaction: (run) => db.transaction(run),
      },
      rows,
      today,
    );
  };
}
export type ResultImport = ReturnType<typeof createResultImport>;
