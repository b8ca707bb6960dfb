import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import {
  csvOf,
  download,
  importFile,
  readXlsx,
  rowFor,
  uploadFile,
  xlsxOf,
} from '../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { scopedUser, selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { entityImportColumns } from '../../contracts/entity-import.ts';

describe('entity import API: template, validation, modes, duplicates, encodings, bad files, scope', () => {
  let app: TestApp;
  let admin: ApiClient;
  let s01: ApiClient;
  const count = async () => (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n;
  const byUscc = async (uscc: string) =>
    (
      await app.testDb.db.query<{ name: string; capital: number | null; on: string; station: string }>(
        `SELECT e.name, e.registered_capital_fen AS capital, e.established_on AS on, o.code AS station
           FROM entities e JOIN org_units o ON o.id = e.station_id WHERE e.uscc = $1`,
        [uscc],
      )
    )[0];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    s01 = await loginAs(app, 's01.chief');
  });
  after(() => app.close());

  test('the template has Chinese headers and instructions; CSV template has a BOM', async () => {
    const xlsx = await download(admin, '/api/v1/entities/import/template.xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-disposition') ?? '', /filename\*=UTF-8''%E5%B8%82/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['市场主体', '填写说明'],
    );
    assert.deepEqual(
      (await readXlsx(xlsx.bytes))[0],
      entityImportColumns.map((c) => c.label),
    );
    const csv = await download(admin, '/api/v1/entities/import/template.xlsx?format=csv');
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.bytes.toString('utf8'), /主体类型,统一社会信用代码,名称/);
  });

  test('round trip: the filled-in template imports, with dates, 元 → fen, events and one audit row', async () => {
    const template = await download(admin, '/api/v1/entities/import/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('市场主体')!;
    const rows = [makeEntity(), makeEntity({ type: 'individualBusiness' }), makeEntity({ type: 'farmerCooperative' })];
    sheet.addRow(rowFor(rows[0]!, { stationCode: 's01', capital: 1000000.5, date: new Date(Date.UTC(2024, 2, 5)) }));
    sheet.addRow(rowFor(rows[1]!, { stationCode: 's02', capital: '100万', date: '2024/3/5' }));
    sheet.addRow(rowFor(rows[2]!, { stationCode: 'S03', capital: '0.29', date: '2024年3月5日' }));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const status = await importFile(app, admin, filled, '市场主体.xlsx');
    assert.equal(status.status, 'succeeded');
    assert.deepEqual(
      { ...status.result!, errors: status.result!.errors.length },
      {
        total: 3,
        valid: 3,
        invalid: 0,
        imported: 3,
        errorCount: 0,
        ignoredColumns: [],
        errors: 0,
      },
    );
    assert.deepEqual(await byUscc(rows[0]!.uscc), {
      name: rows[0]!.name,
      capital: 100_000_050,
      on: '2024-03-05',
      station: 's01',
    });
    assert.equal((await byUscc(rows[1]!.uscc))?.capital, 100_000_000);
    assert.equal((await byUscc(rows[2]!.uscc))?.capital, 29);
    const events = await app.testDb.db.query<{ after: { legalRepIdNumber?: string } }>(
      `SELECT ev.after FROM entity_events ev JOIN entities e ON e.id = ev.entity_id WHERE e.uscc = $1 AND ev.kind = 'establish'`,
      [rows[0]!.uscc],
    );
    assert.equal(events.length, 1);
    assert.match(events[0]!.after.legalRepIdNumber ?? '', /\*{11}/, 'history keeps the ID number masked');
    const audit = await app.testDb.db.query<{ detail: { imported: number } }>(
      `SELECT detail FROM audit_log WHERE action = 'entity.import' AND target_id = $1`,
      [String(status.jobId)],
    );
    assert.equal(audit[0]?.detail.imported, 3);
  });

  test('mode all: one wrong check digit → row, column and reason reported, nothing imported; validOnly imports the rest', async () => {
    const rows = [makeEntity(), makeEntity(), makeEntity()].map((e) => rowFor(e, { stationCode: 's01' }));
    const uscc = String(rows[1]![1]);
    rows[1]![1] = `${uscc.slice(0, 17)}${uscc.at(-1) === '0' ? '1' : '0'}`;
    const file = await xlsxOf(rows);
    const before = await count();
    const all = await importFile(app, admin, file, 'bad.xlsx', 'all');
    assert.equal(all.status, 'succeeded');
    assert.equal(all.result?.imported, 0);
    assert.equal(all.result?.invalid, 1);
    assert.deepEqual(
      all.result?.errors.map((e) => [e.row, e.column]),
      [[3, '统一社会信用代码']],
    );
    assert.match(all.result?.errors[0]?.reason ?? '', /校验码/);
    assert.equal(await count(), before, 'nothing imported');
    const valid = await importFile(app, admin, file, 'bad.xlsx', 'validOnly');
    assert.deepEqual([valid.result?.imported, valid.result?.invalid], [2, 1]);
    assert.equal(await count(), before + 2);
    const report = await download(admin, `/api/v1/entities/imports/${valid.jobId}/errors.xlsx`);
    const lines = await readXlsx(report.bytes);
    assert.deepEqual(lines[0], ['行号', '列', '单元格内容', '错误原因']);
    assert.equal(lines[1]?.[0], 3);
    assert.match(String(lines[1]?.[3]), /校验码/);
  });

  test('duplicates within the file (both rows) and against the database are reported', async () => {
    const existing = makeEntity();
    assert.equal((await s01.post('/api/v1/entities', existing)).status, 201);
    const [a, b] = [makeEntity(), makeEntity()];
    const rows = [a, b, a, existing].map((e) => rowFor(e!, { stationCode: 's01' }));
    const result = (await importFile(app, admin, csvOf(rows), 'dups.csv', 'validOnly')).result!;
    const reasons = result.errors.map((e) => `${e.row}:${e.reason}`);
    assert.deepEqual(reasons, [
      '2:与第 4 行的统一社会信用代码重复',
      '4:与第 2 行的统一社会信用代码重复',
      '5:该统一社会信用代码已登记（系统中已有此市场主体）',
    ]);
    assert.deepEqual([result.imported, result.invalid], [1, 3]);
    assert.ok(await byUscc(b!.uscc));
  });

  test('GBK CSV (Excel on Chinese Windows) and UTF-8 without BOM import Chinese text intact', async () => {
    const gbk = makeEntity({ name: '佛山市南海区桂城鑫盛五金店', address: '南海大道北12号之三' });
    const plain = makeEntity({ name: '里水镇和顺镕铸厂' });
    const r1 = await importFile(app, admin, csvOf([rowFor(gbk, { stationCode: 's01' })], 'gbk'), 'gbk.csv');
    const r2 = await importFile(app, admin, csvOf([rowFor(plain, { stationCode: 's01' })], 'utf8'), 'utf8.csv');
    assert.deepEqual([r1.result?.imported, r2.result?.imported], [1, 1]);
    assert.equal((await byUscc(gbk.uscc))?.name, '佛山市南海区桂城鑫盛五金店');
    assert.equal((await byUscc(plain.uscc))?.name, '里水镇和顺镕铸厂');
  });

  test('bad files: clear 4xx at upload, or a failed job with a Chinese reason; never a 500', async () => {
    const good = await xlsxOf([rowFor(makeEntity(), { stationCode: 's01' })]);
    const broken = await importFile(app, admin, good.subarray(0, good.length - 200), 'broken.xlsx');
    assert.equal(broken.status, 'failed');
    assert.match(broken.error ?? '', /无法读取 XLSX 文件/);
    const cases: [Uint8Array, string, number][] = [
      [Buffer.from('this is not a workbook'), 'fake.xlsx', 422],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), 'old.xls', 415],
      [Buffer.from('%PDF-1.4 …'), 'scan.pdf', 415],
      [Buffer.alloc(0), 'empty.csv', 422],
    ];
    for (const [bytes, name, status] of cases) {
      const res = await uploadFile(admin, bytes, name);
      assert.equal(res.status, status, name);
      assert.match(res.body.detail ?? '', /[\u4e00-\u9fff]/, `${name}: Chinese detail`);
    }
    const json = await admin.post<{ detail: string }>('/api/v1/entities/imports', {});
    assert.equal(json.status, 415);
    const noHeaders = await importFile(app, admin, csvOf([['a', 'b']], 'utf8', ['名称', '备注']), 'x.csv');
    assert.equal(noHeaders.status, 'failed');
    assert.match(noHeaders.error ?? '', /缺少必填列：主体类型、统一社会信用代码、住所、成立日期/);
    const headerOnly = await importFile(app, admin, csvOf([]), 'header-only.csv');
    assert.match(headerOnly.error ?? '', /没有数据行/);
    const badMode = await uploadFile(admin, csvOf([]), 'x.csv', 'sometimes' as 'all');
    assert.equal(badMode.status, 422);
  });

  test('a 100 MB file is refused with 413 and a Chinese message; nothing is stored', async () => {
    const stored = async () =>
      (
        await app.testDb.db.query<{ n: string }>(
          "SELECT (SELECT count(*) FROM jobs) || '/' || (SELECT count(*) FROM uploads) AS n",
        )
      )[0]!.n;
    const before = await stored();
    const huge = new Uint8Array(100 * 1024 * 1024).fill(0x61);
    const res = await uploadFile(admin, huge, 'huge.csv');
    assert.equal(res.status, 413);
    assert.match(res.body.detail ?? '', /文件超过 50 MB 的上限/);
    assert.equal(await stored(), before, 'no job and no upload row');
  });

  test('an import is followed as a job: its starter, their station chief; not a self-scoped colleague or another station', async () => {
    const clerk = await scopedUser(app, admin, {
      username: 's01.import.clerk',
      unitCode: 's01',
      permissions: ['entity:read', 'entity:write'],
      dataScope: 'unit_and_below',
    });
    const status = await importFile(app, clerk.client, await xlsxOf([rowFor(makeEntity())]), 'clerk.xlsx');
    assert.equal(status.status, 'succeeded');
    const path = `/api/v1/entities/imports/${status.jobId}`;
    assert.equal((await s01.get(path)).status, 200, 'the chief of the station (jobs:read, unit and below)');
    const colleague = await selfScopedUser(app, admin, {
      username: 's01.import.self',
      unitCode: 's01',
      permissions: ['entity:read', 'entity:write', 'jobs:read'],
    });
    assert.equal((await colleague.client.get(path)).status, 404);
    assert.equal((await (await loginAs(app, 's02.chief')).get(path)).status, 404);
  });

  test('scope: a station chief imports only into their own station; other stations are row errors', async () => {
    const mine = makeEntity();
    const theirs = makeEntity();
    const rows = [rowFor(mine), rowFor(theirs, { stationCode: 's02' })];
    const status = await importFile(app, s01, await xlsxOf(rows), 'scope.xlsx', 'validOnly');
    assert.deepEqual(
      status.result?.errors.map((e) => [e.row, e.column, e.reason]),
      [[3, '管辖所编码', '不能导入到本单位及下级以外的管辖所']],
    );
    assert.equal((await byUscc(mine.uscc))?.station, 's01', 'no code: the chief’s own station');
    assert.equal(await byUscc(theirs.uscc), undefined);
    const s02 = await loginAs(app, 's02.chief');
    assert.equal((await s02.get(`/api/v1/entities/imports/${status.jobId}`)).status, 404);
    assert.equal((await admin.get(`/api/v1/entities/imports/${status.jobId}`)).status, 200);
    const queued = await uploadFile(s01, await xlsxOf([rowFor(makeEntity())]), 'later.xlsx');
    const early = await download(s01, `/api/v1/entities/imports/${queued.body.jobId}/errors.xlsx`);
    assert.equal(early.status, 409, 'no report before the job has run');
    assert.equal(
      (await s01.get<{ status: string }>(`/api/v1/entities/imports/${queued.body.jobId}`)).body.status,
      'queued',
    );
    await app.services.jobRunner.drain();
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await uploadFile(inspector, await xlsxOf(rows), 'x.xlsx')).status, 403);
  });
});
