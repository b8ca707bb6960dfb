import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  csvOf,
  importFile,
  rowFor,
  templateHeaders,
  uploadFile,
  xlsxOf,
} from '../../../tests/fixtures/entity-files.ts';
import { repeated, repeatedSharedStrings, sheetXml, workbookParts, zipOf } from '../../../tests/fixtures/xlsx-parts.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

const MB = 1024 * 1024;

/**
 * Peak growth of this process's heap and resident memory while `work` runs (the worker thread's heap counts in rss).
 * About 25–45 MB of it is the upload and the HTTP and database traffic; a reader that kept the strings would add
 * hundreds of megabytes.
 */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; heapMb: number; rssMb: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let heap = start.heapUsed;
  let rss = start.rss;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  try {
    const result = await work();
    return { result, heapMb: (heap - start.heapUsed) / MB, rssMb: (rss - start.rss) / MB };
  } finally {
    clearInterval(sample);
  }
}

describe('entity import limits: no upload can make the server inflate, hold or parse without bound', () => {
  let app: TestApp;
  let admin: ApiClient;
  const count = async (sql: string) => (await app.testDb.db.query<{ n: number }>(sql))[0]!.n;
  const stored = async () => ({
    entities: await count('SELECT count(*)::int AS n FROM entities'),
    jobs: await count('SELECT count(*)::int AS n FROM jobs'),
    uploads: await count('SELECT count(*)::int AS n FROM uploads'),
  });
  const header = sheetXml([templateHeaders, rowFor(makeEntity(), { stationCode: 's01' })]);

  before(async () => {
    app = await startTestApp({
      env: {
        IMPORT_MAX_UNZIPPED_BYTES: String(32 * MB),
        IMPORT_MAX_SHARED_STRINGS_BYTES: String(4 * MB),
        IMPORT_MAX_ROWS: '50',
        IMPORT_MAX_COLUMNS: '20',
        IMPORT_MAX_CELL_CHARS: '1000',
      },
    });
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  test('a zip bomb whose directory tells the truth is refused at upload: 422 naming file and the limit, nothing stored', async () => {
    const before = await stored();
    // 8 k of compressed rows that inflate to 320 MB.
    const rows = repeated(
      '<worksheet><sheetData>',
      '<row><c t="inlineStr"><is><t>x</t></is></c></row>'.repeat(2e4),
      320,
      '</sheetData></worksheet>',
    );
    const sheetBomb = zipOf(workbookParts({ deflated: rows }));
    assert.ok(sheetBomb.length < 1 * MB, `bomb is ${sheetBomb.length} bytes`);
    const big = await uploadFile(admin, sheetBomb, 'bomb.xlsx');
    assert.equal(big.status, 422);
    assert.match(big.body.detail ?? '', /XLSX 文件解压后超过 32 MB 的上限/);
    assert.deepEqual((big.body as { errors?: { path: string }[] }).errors?.[0]?.path, 'file');

    const strings = zipOf(workbookParts({ text: header }, { deflated: repeatedSharedStrings(500_000) }));
    const text = await uploadFile(admin, strings, 'strings.xlsx');
    assert.equal(text.status, 422);
    assert.match(text.body.detail ?? '', /共享字符串表）解压后超过 4 MB 的上限/);
    assert.deepEqual(await stored(), before, 'no job, no upload, no entity');
  });

  test('a zip bomb whose directory lies is stopped as it inflates: the job fails in Chinese, memory stays flat', async () => {
    const before = await stored();
    // The shared-string table says 2 kB and inflates to 180 MB (10 million strings held by a naive reader).
    const lie = zipOf(
      workbookParts({ text: header }, { deflated: repeatedSharedStrings(10_000_000), declaredSize: 2048 }),
    );
    const { result: status, heapMb, rssMb } = await peakGrowth(() => importFile(app, admin, lie, 'lie.xlsx'));
    assert.equal(status.status, 'failed');
    assert.match(status.error ?? '', /sharedStrings\.xml”解压后的大小超过压缩包中记录的大小/);
    assert.ok(heapMb < 128, `main heap grew ${heapMb.toFixed(0)} MB`);
    assert.ok(rssMb < 256, `rss grew ${rssMb.toFixed(0)} MB`);
    assert.equal((await stored()).entities, before.entities, 'nothing imported');
  });

  test('too many rows, a value beyond the column limit, an over-long cell: the job fails naming the limit', async () => {
    const before = await stored();
    const many = Array.from({ length: 51 }, () => rowFor(makeEntity(), { stationCode: 's01' }));
    for (const [bytes, name] of [
      [await xlsxOf(many), 'rows.xlsx'],
      [csvOf(many), 'rows.csv'],
    ] as const) {
      const status = await importFile(app, admin, bytes, name);
      assert.equal(status.status, 'failed', name);
      assert.match(status.error ?? '', /文件超过 50 行，请拆分后分批导入/, name);
    }
    const wide = [...rowFor(makeEntity(), { stationCode: 's01' }), ...Array(10).fill(''), '备注'];
    for (const [bytes, name] of [
      [await xlsxOf([wide]), 'wide.xlsx'],
      [csvOf([wide]), 'wide.csv'],
    ] as const) {
      const status = await importFile(app, admin, bytes, name);
      assert.equal(status.status, 'failed', name);
      assert.match(status.error ?? '', /第 2 行超过 20 列的上限/, name);
    }
    const long = rowFor(makeEntity({ businessScope: '零售'.repeat(800) }), { stationCode: 's01' });
    for (const [bytes, name] of [
      [await xlsxOf([long]), 'long.xlsx'],
      [csvOf([long]), 'long.csv'],
    ] as const) {
      const status = await importFile(app, admin, bytes, name);
      assert.equal(status.status, 'failed', name);
      assert.match(status.error ?? '', /第 2 行有单元格超过 1000 个字符的上限/, name);
    }
    assert.equal((await stored()).entities, before.entities, 'nothing imported');
    const fine = await importFile(app, admin, csvOf(many.slice(0, 50)), 'fifty.csv');
    assert.equal(fine.result?.imported, 50, 'at the limit is fine');
  });

  test('a file that needs more memory than the parsing thread may use fails the job; the server keeps serving', async () => {
    const small = await startTestApp({
      testDb: app.testDb,
      env: { IMPORT_WORKER_MAX_HEAP_MB: '32', IMPORT_MAX_SHARED_STRINGS_BYTES: String(256 * MB) },
    });
    try {
      const client = await loginAs(small, 'admin');
      const before = await stored();
      // Within every byte limit (72 MB of strings), but 4 million strings do not fit a 32 MB heap.
      const file = zipOf(workbookParts({ text: header }, { deflated: repeatedSharedStrings(4_000_000) }));
      const { result: status, heapMb } = await peakGrowth(() => importFile(small, client, file, 'heavy.xlsx'));
      assert.equal(status.status, 'failed');
      assert.match(status.error ?? '', /解析文件所需内存超过 32 MB 的上限/);
      assert.ok(heapMb < 128, `main heap grew ${heapMb.toFixed(0)} MB`);
      assert.equal((await client.get('/api/v1/health')).status, 200);
      assert.equal((await stored()).entities, before.entities);
    } finally {
      await small.close();
    }
  });
});
