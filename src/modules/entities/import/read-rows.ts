import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../../platform/errors.ts';
import { decodeChunks, detectEncoding } from './encoding.ts';
import type { SpreadsheetFormat } from './file-type.ts';
import { fileError, type ImportLimits, limitErrors } from './limits.ts';
import { cellText } from './values.ts';
import { readXlsxRowBatches, type SheetRow } from './xlsx-reader.ts';

/** Where an import reads its bytes from: an upload in the database, or a local file for the CLI. */
export interface ImportSource {
  filename: string;
  format: SpreadsheetFormat;
  /** The file's bytes from the start; called once more for CSV, to detect the encoding first. */
  open(): AsyncIterable<Uint8Array>;
  /** A local file (the CLI): the parsing thread reads it itself. */
  path?: string;
  /** The file's size as stored, when known: a large load may be written straight into the register. */
  sizeBytes?: number;
}

/** One row of the sheet: its number as Excel shows it (1-based) and its cells in column order. */
export type { SheetRow } from './xlsx-reader.ts';

/** Rows as they stream, within the limits. */
export async function* readRows(source: ImportSource, limits: ImportLimits): AsyncGenerator<SheetRow> {
  // CSV row by row: a consumer that stops early must not meet an error in rows it never asked for.
  if (source.format === 'csv') yield* readCsvRows(source, limits);
  else for await (const batch of readRowBatches(source, limits)) yield* batch;
}

/** CSV rows per batch (an XLSX sheet's come as they are inflated, a few hundred at a time). */
const CSV_BATCH = 500;

/**
 * The rows in batches, for the import's worker thread (read-rows-worker.ts): an async step per row cost more than
 * reading it. A failure ends the rows there, as readRows does (the batch being gathered is not given).
 */
export async function* readRowBatches(source: ImportSource, limits: ImportLimits): AsyncGenerator<SheetRow[]> {
  if (source.format === 'csv') {
    let batch: SheetRow[] = [];
    for await (const row of readCsvRows(source, limits)) {
      batch.push(row);
      if (batch.length >= CSV_BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
    return;
  }
  // A zip is read through its directory at the end, so the whole file is needed (it is within the upload cap).
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.open()) chunks.push(chunk);
  try {
    yield* readXlsxRowBatches(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('无法读取 XLSX 文件：文件已损坏或不是有效的 Excel 工作簿，请用 Excel 重新保存后上传');
  }
}

/** Comma unless the first line has more tabs (Excel's "Unicode 文本" is tab-separated). */
function guessDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

async function* readCsvRows(source: ImportSource, limits: ImportLimits): AsyncGenerator<SheetRow> {
  const encoding = await detectEncoding(source.open());
  const texts = decodeChunks(source.open(), encoding);
  const first = await texts.next();
  if (first.done) return;
  async function* all() {
    yield first.value as string;
    yield* texts;
  }
  const input = Readable.from(all());
  const parser = parse({
    delimiter: guessDelimiter(first.value),
    relax_column_count: true,
    relax_quotes: true,
    // Characters in one record: no legitimate row comes near it, and the parser would buffer it whole.
    max_record_size: limits.maxColumns * limits.maxCellChars,
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  let row = 0;
  let rows = -1; // non-empty records after the header
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      const last = record.findLastIndex((cell) => cellText(cell) !== '');
      if (last < 0) continue;
      if (last >= limits.maxColumns) throw limitErrors.columns(limits, row);
      if (record.some((cell) => cell.length > limits.maxCellChars)) throw limitErrors.cellChars(limits, row);
      if (++rows > limits.maxRows) throw limitErrors.rows(limits);
      yield { row, cells: record.length > limits.maxColumns ? record.slice(0, limits.maxColumns) : record };
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
