import type { TFoodImportResult } from '../../../contracts/food.ts';
import type { Db } from '../../../db/client.ts';
import {
  parseProductSampleNo,
  productResultColumns,
  standardPattern,
} from '../../../domain/product-sampling-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { importResultRows } from '../../../platform/sampling/result-import.ts';
import { readHeaderSheet } from '../../entities/import/header-sheet.ts';
import type { ImportLimits } from '../../entities/import/limits.ts';
import { cellText, parseDate } from '../../entities/import/values.ts';
import { productSampleKind, reachOf } from '../access.ts';
import * as repo from '../repos/samples.ts';
import { workflow } from './samples.ts';

type Key = keyof typeof productResultColumns;
const required: Key[] = ['sampleNo', 'testedOn', 'itemName', 'value', 'standard', 'conclusion'];

/**
 * Lab results as XLSX or CSV through the shared all-or-nothing result import: the 抽查单 must wait for its result,
 * the test not precede sampling, and the standard be a GB-style number.
 */
export function createProductResultImport(db: Db, deps: { limits: ImportLimits; now?: () => Date }) {
  return async function importResults(actor: Actor, file: Uint8Array, filename = ''): Promise<TFoodImportResult> {
    assertPermitted(actor, productSampleKind, 'write');
    const today = shanghaiToday(deps.now?.() ?? new Date());
    const rows = await readHeaderSheet(file, deps.limits, productResultColumns, required, filename);
    return importResultRows(
      {
        columns: productResultColumns,
        required,
        cellText,
        parseDate,
        parseNo: parseProductSampleNo,
        noun: '抽查单',
        badNo: '抽查单编号格式应为 CC + 8 位数字',
        samplesByIds: (ids) => repo.samplesByIds(db, ids),
        canRead: (s) => canRead(actor, reachOf(s)),
        notWaiting: (s) => (s.status === 'sampled' ? null : '该样品已有检验结果，不能重复导入'),
        earliest: (s) => ({ day: s.sampledOn, label: '抽样日期' }),
        extra: (text, fail) => {
          if (text('standard') && !standardPattern.test(text('standard')))
            fail('standard', text('standard'), '判定依据应为标准号，如 GB 4706.1-2005');
          return {};
        },
        record: (tx, s, g) => workflow.recordResult(tx, actor, s, g),
        transaction: (run) => db.transaction(run),
      },
      rows,
      today,
    );
  };
}
export type ProductResultImport = ReturnType<typeof createProductResultImport>;
