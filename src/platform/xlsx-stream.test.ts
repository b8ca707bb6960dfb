import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { columnName, writeXlsx, xmlText } from './xlsx-stream.ts';

async function* batchesOf(rows: unknown[][], size: number) {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

async function written(rows: unknown[][], rowsPerSheet: number): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  const columns = [
    { header: '名称', width: 20 },
    { header: '成立日期', width: 12, kind: 'date' as const },
    { header: '注册资本（元）', width: 14, kind: 'money' as const },
  ];
  assert.equal(await writeXlsx(out, '市场主体', columns, batchesOf(rows, 2), rowsPerSheet), rows.length);
  await done;
  return Buffer.concat(parts);
}

describe('streaming XLSX writer', () => {
  test('column letters and XML text', () => {
    assert.deepEqual([0, 25, 26, 27, 51, 52, 701, 702].map(columnName), [
      'A',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    assert.equal(xmlText('a&b<c>"d"\u0001e'), 'a&amp;b&lt;c&gt;&quot;d&quot;e');
  });

  test('a valid zip that Excel readers open: values, dates, numbers, and sheets split at the row limit', async () => {
    const rows = [
      ['佛山市南海区“鑫盛”五金店 & <分店>', new Date(Date.UTC(2024, 2, 5)), 1_000_000.5],
      ['控制字符\u0007被去掉', new Date(Date.UTC(1999, 11, 31)), 0],
      ['  前后空格  ', null, null],
      ['=SUM(A1)', new Date(Date.UTC(2026, 0, 1)), 0.29],
      ['第五行', new Date(Date.UTC(2026, 1, 28)), 12],
    ];
    const bytes = await written(rows, 2);
    const dir = mkdtempSync(join(tmpdir(), 'sj-xlsx-'));
    writeFileSync(join(dir, 'x.xlsx'), bytes);
    // Python's zipfile checks every CRC and size against the central directory (skipped where there is no python3).
    const check = `import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print(z.testzip() or 'ok')`;
    const zipTest = spawnSync('python3', ['-c', check, join(dir, 'x.xlsx')]);
    if (!zipTest.error) assert.equal(zipTest.stdout.toString().trim(), 'ok');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['市场主体', '市场主体（2）', '市场主体（3）'],
    );
    const read = workbook.worksheets.flatMap((w) => {
      const out: unknown[][] = [];
      w.eachRow((row, n) => n > 1 && out.push((row.values as unknown[]).slice(1)));
      return out;
    });
    const expected = rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace('\u0007', '') : v)));
    assert.deepEqual(
      read.map((r) => [r[0], r[1] ?? null, r[2] ?? null]),
      expected.map((r) => [r[0], r[1] ?? null, r[2] === 0 ? 0 : (r[2] ?? null)]),
    );
    assert.equal(workbook.worksheets[0]!.getCell('B2').numFmt, 'yyyy-mm-dd');
    assert.equal(workbook.worksheets[0]!.getCell('A1').font?.bold, true);
  });
});

describe('a reader that goes away', () => {
  test('stops the writer instead of filling memory or hanging', { timeout: 20_000 }, async () => {
    const out = new PassThrough({ highWaterMark: 16 * 1024 });
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 1000;
        yield Array.from({ length: 1000 }, (_, i) => [`市场主体${produced + i}`, new Date(0), i]);
      }
    }
    // The reader takes the first chunks, then disconnects (a browser tab closed mid-download).
    out.once('data', () => setTimeout(() => out.destroy(), 50));
    out.resume();
    const total = await writeXlsx(out, '市场主体', [{ header: '名称', width: 20 }], endless());
    assert.ok(total < 5_000_000, `stopped after ${total} rows`);
    assert.ok(produced - total <= 20_000, 'only what the stream buffers is produced beyond what was written');
  });
});
