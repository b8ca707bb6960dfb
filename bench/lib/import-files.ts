// Test files for the import-path scenario: the generated register written as a user would hand it over, as
// CSV (UTF-8 with BOM, as Excel's "CSV UTF-8"; GBK, as Excel's "CSV (逗号分隔)" on Chinese Windows) and as XLSX
// (the platform's own streaming writer, inline strings), with a few hundred faulty rows of known kinds.

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { entityTypes } from '../../src/contracts/entities.ts';
import { entityImportColumns, type TEntityImportField } from '../../src/contracts/entity-import.ts';
import { type DemoStation, generateDemoEntities } from '../../src/demo/demo-entities.ts';
import { makeIdCard } from '../../src/domain/id-card.ts';
import { fenToYuan } from '../../src/modules/entities/import/values.ts';
import type { PiiCipher } from '../../src/platform/pii.ts';
import { type SheetColumn, writeXlsx } from '../../src/platform/xlsx-stream.ts';

/** The columns written, in template order. */
const FIELDS: TEntityImportField[] = [
  'type',
  'uscc',
  'name',
  'address',
  'establishedOn',
  'legalRepName',
  'legalRepIdNumber',
  'phone',
  'regionCode',
  'stationCode',
  'industryCode',
  'registeredCapital',
  'businessScope',
];
export const importHeaders = FIELDS.map((f) => entityImportColumns.find((c) => c.key === f)!.label);

/** One faulty row in this many; the kinds rotate. A duplicate makes two rows invalid (both are reported). */
export const BAD_EVERY = 5000;
const FAULTS = ['checkChar', 'noName', 'badDate', 'duplicate', 'badCapital', 'badType'] as const;

export interface FileRows {
  /** Cells as strings (CSV) or typed (XLSX: a Date for the date, a number for the capital). */
  rows: Generator<{ csv: string[]; xlsx: unknown[] }>;
  /** Data rows that the importer must report as invalid. */
  expectedInvalid: () => number;
}

export interface FileOptions {
  rows: number;
  seed: number;
  stations: readonly DemoStation[];
  pii: PiiCipher;
}

function* cellsOf(opts: FileOptions, counter: { invalid: number }): Generator<{ csv: string[]; xlsx: unknown[] }> {
  let previousUscc = '';
  let i = 0;
  const stationCode = new Map(opts.stations.map((s) => [s.id, s.code]));
  for (const { row } of generateDemoEntities({
    entities: opts.rows,
    seed: opts.seed,
    stations: opts.stations,
    pii: opts.pii,
  })) {
    const year = Number(row.establishedOn.slice(0, 4)) - 25 - (i % 30);
    const id = makeIdCard(
      '440605',
      `${year}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`,
      String(i % 1000).padStart(3, '0'),
    );
    const csv = [
      entityTypes[row.type],
      row.uscc,
      row.name,
      row.address ?? '',
      row.establishedOn,
      row.legalRepName ?? '',
      id,
      row.phone ?? '',
      row.regionCode ?? '',
      stationCode.get(row.stationId) ?? '',
      row.industryCode ?? '',
      row.registeredCapitalFen === null ? '' : fenToYuan(row.registeredCapitalFen),
      row.businessScope ?? '',
    ];
    const n = i + 1;
    if (n % BAD_EVERY === 0) {
      const fault = FAULTS[(n / BAD_EVERY) % FAULTS.length];
      counter.invalid += fault === 'duplicate' ? 2 : 1;
      if (fault === 'checkChar') csv[1] = csv[1]!.slice(0, 17) + (csv[1]!.endsWith('0') ? '1' : '0');
      else if (fault === 'noName') csv[2] = '';
      else if (fault === 'badDate') csv[4] = '2023-02-30';
      else if (fault === 'duplicate') csv[1] = previousUscc;
      else if (fault === 'badCapital') csv[11] = '约五十万';
      else csv[0] = '有限公司';
    }
    previousUscc = row.uscc;
    const xlsx: unknown[] = [...csv];
    if (csv[4] && csv[4] !== '2023-02-30') xlsx[4] = new Date(`${csv[4]}T00:00:00Z`);
    if (csv[11] && /^\d/.test(csv[11])) xlsx[11] = Number(csv[11]);
    i++;
    yield { csv, xlsx };
  }
}

const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function write(out: WriteStream, data: string | Buffer): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

export interface WrittenFiles {
  csvUtf8: string;
  csvGbk: string;
  xlsx: string;
  rows: number;
  xlsxRows: number;
  invalid: number;
  xlsxInvalid: number;
}

/** Both CSVs in one pass over the generated rows. */
export async function writeCsvFiles(opts: FileOptions, utf8: string, gbk: string): Promise<number> {
  const counter = { invalid: 0 };
  const a = createWriteStream(utf8);
  const b = createWriteStream(gbk);
  const head = `${importHeaders.join(',')}\r\n`;
  await write(a, `\uFEFF${head}`);
  await write(b, iconv.encode(head, 'gbk'));
  let chunk: string[] = [];
  const flush = async () => {
    const text = chunk.join('');
    chunk = [];
    await write(a, text);
    await write(b, iconv.encode(text, 'gbk'));
  };
  for (const { csv } of cellsOf(opts, counter)) {
    chunk.push(`${csv.map(quote).join(',')}\r\n`);
    if (chunk.length >= 10_000) await flush();
  }
  await flush();
  a.end();
  b.end();
  await Promise.all([once(a, 'finish'), once(b, 'finish')]);
  return counter.invalid;
}

/** An XLSX of `opts.rows` rows in one sheet, through the export writer (inline strings, dates as date cells). */
export async function writeXlsxFile(opts: FileOptions, path: string): Promise<number> {
  const counter = { invalid: 0 };
  const columns: SheetColumn[] = importHeaders.map((header, i) => ({
    header,
    width: 20,
    ...(i === 4 ? { kind: 'date' as const } : i === 11 ? { kind: 'money' as const } : {}),
  }));
  async function* batches() {
    let batch: unknown[][] = [];
    for (const { xlsx } of cellsOf(opts, counter)) {
      batch.push(xlsx);
      if (batch.length >= 5000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  const out = new PassThrough();
  const done = pipeline(out, createWriteStream(path));
  await writeXlsx(out, '市场主体', columns, batches(), opts.rows);
  out.end();
  await done;
  return counter.invalid;
}
