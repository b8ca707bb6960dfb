// Times the XLSX reader alone (no database): `readXlsxRows` over a generated register, best and median of runs.
//   npx tsx bench/xlsx-read-measure.ts [rows=200000] [runs=3] [dir=.tmp/xlsx-read] [parser=scanner|saxes]
// Two files: the platform's export writer (inline strings, as the import-path bench) and exceljs's streaming
// writer with shared strings (as most users' Excel files). Stations are made up: only the text matters here.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { defaultImportLimits } from '../src/modules/entities/import/limits.ts';
import type { XmlParser } from '../src/modules/entities/import/xlsx-parts.ts';
import { readXlsxRows } from '../src/modules/entities/import/xlsx-reader.ts';
import { createPiiCipher } from '../src/platform/pii.ts';
import { importHeaders, writeXlsxFile } from './lib/import-files.ts';

const rows = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 3);
const dir = process.argv[4] ?? '.tmp/xlsx-read';
const parser = (process.argv[5] ?? 'scanner') as XmlParser;
mkdirSync(dir, { recursive: true });
const stations = Array.from({ length: 14 }, (_, i) => ({
  id: 11 + i,
  code: `s${String(i + 1).padStart(2, '0')}`,
  regionCodes: [`440605${String(100 + i).padStart(3, '0')}`],
}));
const opts = { rows, seed: 1, stations, pii: createPiiCipher('shijian-bench-key-not-a-secret-0123456789') };

const inline = join(dir, `inline-${rows}.xlsx`);
if (!existsSync(inline)) await writeXlsxFile(opts, inline);
const shared = join(dir, `shared-${rows}.xlsx`);
if (!existsSync(shared)) await writeSharedStrings(shared);

async function writeSharedStrings(path: string) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet('市场主体');
  sheet.addRow(importHeaders).commit();
  const { generateDemoEntities } = await import('../src/demo/demo-entities.ts');
  for (const { row } of generateDemoEntities({ entities: rows, seed: 1, stations, pii: opts.pii })) {
    const r = sheet.addRow([row.type, row.uscc, row.name, row.address, new Date(`${row.establishedOn}T00:00:00Z`)]);
    r.getCell(5).numFmt = 'yyyy-mm-dd';
    r.getCell(6).value = row.legalRepName;
    r.getCell(8).value = row.phone;
    r.getCell(12).value = row.registeredCapitalFen === null ? null : row.registeredCapitalFen / 100;
    r.getCell(13).value = row.businessScope;
    r.commit();
  }
  sheet.commit();
  await book.commit();
}

for (const file of [inline, shared]) {
  const bytes = readFileSync(file);
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    n = 0;
    for await (const _ of readXlsxRows(
      bytes,
      { ...defaultImportLimits, maxRows: 10_000_000, maxUnzippedBytes: 4 * 1024 ** 3 },
      undefined,
      parser,
    ))
      n++;
    times.push((performance.now() - t) / 1000);
  }
  times.sort((a, b) => a - b);
  const rate = (s: number) => Math.round(n / s).toLocaleString('en');
  console.log(
    `${parser}: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(1)} MB, ${n} rows): best ${times[0]!.toFixed(2)} s ` +
      `(${rate(times[0]!)} rows/s), median ${times[Math.floor(runs / 2)]!.toFixed(2)} s (${rate(times[Math.floor(runs / 2)]!)} rows/s), ` +
      `load ${loadavg()[0]!.toFixed(2)}`,
  );
}
