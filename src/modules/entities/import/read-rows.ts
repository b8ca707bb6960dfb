import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../../server/errors.ts';
import { decodeChunks, detectEncoding } from './encoding.ts';
import type { SpreadsheetFormat } from './file-type.ts';
import { knownHeaderCount } from './headers.ts';
import { cellText } from './values.ts';

/** Where an import reads its bytes from: an upload in the database, or a local file for the CLI. */
export interface ImportSource {
  filename: string;
  format: SpreadsheetFormat;
  /** The file's bytes from the start; called once more for CSV, to detect the encoding first. */
  open(): AsyncIterable<Uint8Array>;
}

/** One row of the sheet: its number as Excel shows it (1-based) and its cells in column order. */
export interface SheetRow {
  row: number;
  cells: unknown[];
}

const fileError = (detail: string) => new AppError('VALIDATION', detail, [{ path: 'file', message: detail }]);

export function readRows(source: ImportSource): AsyncGenerator<SheetRow> {
  return source.format === 'xlsx' ? readXlsxRows(source) : readCsvRows(source);
}

/** Comma unless the first line has more tabs (Excel's "Unicode 文本" is tab-separated). */
function guessDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

async function* readCsvRows(source: ImportSource): AsyncGenerator<SheetRow> {
  const encoding = await detectEncoding(source.open());
  const texts = decodeChunks(source.open(), encoding);
  const first = await texts.next();
  if (first.done) return;
  async function* all() {
    yield first.value as string;
    yield* texts;
  }
  const input = Readable.from(all());
  const parser = parse({ delimiter: guessDelimiter(first.value), relax_column_count: true, relax_quotes: true });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      yield { row, cells: record };
    }
  } catch (err) {
    if (err instanceof CsvError)
      throw fileError(`CSV 格式错误（约第 ${(err as { lines?: number }).lines ?? row + 1} 行）：${csvReason(err)}`);
    throw err;
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function csvReason(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return '引号未闭合';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return '引号后出现了多余的字符';
    case 'CSV_MAX_RECORD_SIZE':
      return '单行内容过长';
    default:
      return '无法解析该行';
  }
}

/**
 * Rows of the data sheet: the first worksheet whose first non-empty row names at least two known columns
 * (so an instructions sheet placed first is skipped). Other sheets are read through and ignored.
 */
async function* readXlsxRows(source: ImportSource): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(source.open()), {
    styles: 'cache', // needed to tell date cells from numbers
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  try {
    for await (const sheet of reader) {
      let state: 'probe' | 'data' | 'skip' = found ? 'skip' : 'probe';
      for await (const row of sheet) {
        if (state === 'skip') continue;
        const values = row.values as unknown[];
        const cells = values.slice(1);
        if (state === 'probe') {
          if (cells.every((c) => cellText(c) === '')) continue;
          if (knownHeaderCount(cells) < 2) {
            state = 'skip';
            continue;
          }
          state = 'data';
          found = true;
        }
        yield { row: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('无法读取 XLSX 文件：文件已损坏或不是有效的 Excel 工作簿，请用 Excel 重新保存后上传');
  }
}
