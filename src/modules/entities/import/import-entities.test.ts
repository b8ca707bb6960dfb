import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { csvOf, rowFor, templateHeaders } from '../../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../../tests/helpers/factories.ts';
import { copyPgliteTemplate } from '../../../../tests/helpers/pglite-template.ts';
import { registerCounts } from '../../../../tests/helpers/register-counts.ts';
import { createTestDb, type TestDb, testDbKind } from '../../../../tests/helpers/test-db.ts';
import { importCommand } from '../../../cli/import.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { createPiiCipher } from '../../../platform/pii.ts';
import { createEntityService } from '../service.ts';
import { actorForUser } from './actor.ts';
import { importEntities } from './import-entities.ts';
import type { ImportSource } from './read-rows.ts';
import { STAGE_BATCH } from './stage-writer.ts';

const pii = createPiiCipher('import-test-secret');

async function* bytesOf(b: Uint8Array) {
  yield b;
}
const source = (bytes: Uint8Array, format: 'csv' | 'xlsx' = 'csv'): ImportSource => ({
  filename: `t.${format}`,
  format,
  open: () => bytesOf(bytes),
});

describe('importEntities: one transaction, whatever happens inside it', () => {
  let testDb: TestDb;
  let admin: Actor;
  const snapshot = () => registerCounts(testDb.db);
  const stagingTables = async () =>
    (
      await testDb.db.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'entity_import_stage%'`,
      )
    ).map((r) => r.name);

  before(async () => {
    testDb = await createTestDb();
    admin = await actorForUser(testDb.db, { username: 'admin' });
  });
  after(() => testDb.close());

  test('an error thrown inside the insert transaction leaves no entity, event or audit row', async () => {
    const rows = Array.from({ length: 50 }, () => rowFor(makeEntity(), { stationCode: 's01' }));
    const before = await snapshot();
    const failing = importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: source(csvOf(rows)), mode: 'all' },
      {
        beforeCommit: async (tx) => {
          const [r] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
          assert.equal(r!.n, before.entities + 50, 'the rows were there inside the transaction');
          throw new Error('进程在写入途中被终止（模拟）');
        },
      },
    );
    await assert.rejects(failing, /模拟/);
    assert.deepEqual(await snapshot(), before);
  });

  test('a code registered between validation and insert rolls the whole import back, with a Chinese reason', async () => {
    const entities = [makeEntity(), makeEntity(), makeEntity()];
    const before = await snapshot();
    const entityService = createEntityService(testDb.db, { pii });
    const racing = importEntities(
      { db: testDb.db, pii },
      {
        actor: admin,
        source: source(csvOf(entities.map((e) => rowFor(e, { stationCode: 's01' })))),
        mode: 'validOnly',
      },
      {
        onProgress: async (p) => {
          if (p.phase === 'validated')
            await entityService.create(admin, { ...entities[1]!, stationId: undefined, regionCode: '440605011' });
        },
      },
    );
    await assert.rejects(
      racing,
      (err) => err instanceof AppError && err.code === 'CONFLICT' && /已全部撤销/.test(err.detail),
    );
    const after = await snapshot();
    assert.equal(after.entities, before.entities + 1, 'only the concurrently registered entity exists');
    assert.equal(after.audit, before.audit);
  });

  test('a bad row found late (after several staged batches) imports nothing; validOnly imports the rest', async () => {
    // More rows than two staging batches: the valid rows are in the staging table before the bad ones are read.
    const base = makeEntity();
    const entities = Array.from({ length: STAGE_BATCH * 2 + 2000 }, (_, i) => ({
      ...base,
      uscc: makeUscc('91', '440605', `L${String(process.pid % 100).padStart(2, '0')}${String(i).padStart(5, '0')}`),
      name: `佛山市南海区分批${i}号贸易有限公司`,
    }));
    const rows = entities.map((e) => rowFor(e, { stationCode: 's01' }));
    rows.push(rowFor(makeEntity(), { stationCode: 's01', date: '2024-02-30' }));
    rows.push(rowFor(entities[0]!, { stationCode: 's01' }));
    const file = csvOf(rows);
    const last = rows.length + 1;
    const before = await snapshot();
    const all = await importEntities({ db: testDb.db, pii }, { actor: admin, source: source(file), mode: 'all' });
    assert.deepEqual([all.total, all.invalid, all.imported], [rows.length, 3, 0]);
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(await stagingTables(), [], 'the staging table is dropped');
    const validOnly = await importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: source(file), mode: 'validOnly' },
    );
    const [first, date, repeat] = validOnly.errors;
    assert.deepEqual(
      validOnly.errors.map((e) => e.row),
      [2, last - 1, last],
    );
    assert.equal(first?.reason, `与第 ${last} 行的统一社会信用代码重复`);
    assert.match(date?.reason ?? '', /不是有效的日期/);
    assert.equal(repeat?.reason, '与第 2 行的统一社会信用代码重复');
    assert.deepEqual(all.errors, validOnly.errors, 'the same report in both modes');
    assert.equal(validOnly.imported, entities.length - 1);
    const after = await snapshot();
    assert.deepEqual(
      [after.entities - before.entities, after.events - before.events, after.audit - before.audit],
      [entities.length - 1, entities.length - 1, 1],
    );
    assert.deepEqual(await stagingTables(), []);
  });

  test('a staging table left by a killed import is dropped by a later one after a day; a running one is not', async () => {
    const fresh = `entity_import_stage_${Math.floor(Date.now() / 1000)}_0000aaaa`;
    await testDb.db.exec(
      `CREATE UNLOGGED TABLE entity_import_stage_1000_0000aaaa (row_no int); CREATE UNLOGGED TABLE ${fresh} (row_no int)`,
    );
    const rows = [rowFor(makeEntity(), { stationCode: 's01' })];
    await importEntities({ db: testDb.db, pii }, { actor: admin, source: source(csvOf(rows)), mode: 'all' });
    assert.deepEqual(await stagingTables(), [fresh]);
    await testDb.db.exec(`DROP TABLE ${fresh}`);
  });

  test('XLSX with an instructions sheet first: the data sheet is found by its headers', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['请在第二个工作表填写']);
    const sheet = workbook.addWorksheet('数据');
    sheet.addRow(templateHeaders);
    const e = makeEntity();
    sheet.addRow(rowFor(e, { stationCode: 's02' }));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const outcome = await importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: source(bytes, 'xlsx'), mode: 'all' },
    );
    assert.deepEqual([outcome.total, outcome.imported], [1, 1]);
  });
});

describe('CLI: shijian import entities FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sj-import-'));
  const saved = { ...process.env };
  let testDb: TestDb | undefined;

  before(async () => {
    process.env.DATA_DIR = dir;
    process.env.SECRET_KEY = 'cli-import-test-secret-0123456789abcdef';
    if (testDbKind() === 'postgresql') {
      testDb = await createTestDb();
      process.env.DATABASE_URL = testDb.url!;
    } else {
      // The CLI opens the database itself: an on-disk PGlite, cloned from the migrated, demo-loaded template.
      await copyPgliteTemplate(join(dir, 'pglite'));
    }
  });
  after(async () => {
    process.env = saved;
    process.exitCode = undefined;
    await testDb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the command in this process; returns its exit code and what it printed. */
  async function run(args: string[]): Promise<{ code: number; out: string }> {
    const log = console.log;
    const error = console.error;
    const lines: string[] = [];
    console.log = (...a: unknown[]) => lines.push(a.join(' '));
    console.error = console.log;
    try {
      process.exitCode = undefined;
      await importCommand(args);
      return { code: Number(process.exitCode ?? 0), out: lines.join('\n') };
    } finally {
      console.log = log;
      console.error = error;
    }
  }

  test('valid file → exit 0; a bad row → exit 1, errors printed, nothing imported; bad usage → exit 2', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, csvOf([rowFor(makeEntity(), { stationCode: 's01' }), rowFor(makeEntity())], 'gbk'));
    const ok = await run(['entities', good, '--as', 's01.chief']);
    assert.equal(ok.code, 0);
    assert.match(ok.out, /共 2 行：有效 2 行，有错误 0 行；已导入 2 条/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, csvOf([rowFor(makeEntity({ establishedOn: '2024-02-30' }), { stationCode: 's01' })]));
    const refused = await run(['entities', bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /第 2 行［成立日期］不是有效的日期/);
    assert.match(refused.out, /未导入任何数据/);
    assert.equal((await run(['entities', bad, '--mode', 'sometimes'])).code, 2);
    assert.equal((await run(['entities', join(dir, 'missing.csv')])).code, 2);
    assert.match((await run(['entities', good, '--as', 'nobody'])).out, /导入失败：用户不存在：nobody/);
  });
});
