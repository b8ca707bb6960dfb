import { PassThrough } from 'node:stream';
import type { TEntityImportError } from '../../../contracts/entity-import.ts';
import { writeXlsx } from '../../../platform/xlsx-stream.ts';

const columns = [
  { header: '行号', width: 8 },
  { header: '列', width: 22 },
  { header: '单元格内容', width: 30 },
  { header: '错误原因', width: 60 },
];

async function* inBatches(errors: TEntityImportError[], size = 5000) {
  for (let i = 0; i < errors.length; i += size) {
    yield errors.slice(i, i + size).map((e) => [e.row || null, e.column, e.value ?? null, e.reason]);
  }
}

/** The full error list as an XLSX stream (row, column, value, reason in Chinese). */
export function errorReportXlsx(errors: TEntityImportError[]): PassThrough {
  const out = new PassThrough();
  out.on('error', () => {}); // a client that disconnects just ends the download
  writeXlsx(out, '错误明细', columns, inBatches(errors)).catch((err) => out.destroy(err));
  return out;
}
