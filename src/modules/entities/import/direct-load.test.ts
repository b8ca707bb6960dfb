import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { csvOf, rowFor } from '../../../../tests/fixtures/entity-files.ts';
import { makeEntity } from '../../../../tests/helpers/factories.ts';
import { registerCounts } from '../../../../tests/helpers/register-counts.ts';
import { createTestDb, type TestDb, testDbKind } from '../../../../tests/helpers/test-db.ts';
import { makeUscc } from '../../../domain/uscc.ts';
import type { Actor } from '../../../platform/actor.ts';
import { createPiiCipher } from '../../../platform/pii.ts';
import { actorForUser } from './actor.ts';
import { directLoadWanted } from './direct-load-repo.ts';
import { importEntities } from './import-entities.ts';
import type { ImportSource } from './read-rows.ts';
import { STAGE_BATCH } from './stage-writer.ts';

const pii = createPiiCipher('direct-load-test-secret');

async function* bytesOf(b: Uint8Array) {
  yield b;
}
/** A file that says it is 100 MB (≈ 250 k rows by its size): large enough for a direct load on the test register. */
const bigSource = (bytes: Uint8Array): ImportSource => ({
  filename: 'big.csv',
  format: 'csv',
  sizeBytes: 100_000_000,
  open: () => bytesOf(bytes),
});

let serial = 0;
/** Distinct codes per call (each test database is a fresh copy). */
const entitiesFor = (n: number) => {
  const base = makeEntity();
  const run = String(serial++).padStart(2, '0');
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    uscc: makeUscc('91', '440605', `D${run}${String(i).padStart(5, '0')}`),
    name: `佛山市南海区直写${run}批${i}号贸易有限公司`,
  }));
};

describe('a large import on PostgreSQL writes the register while it validates (direct load)', {
  skip: testDbKind() !== 'postgresql' && 'PostgreSQL only (on PGlite the import keeps its staging path)',
}, () => {
  let testDb: TestDb;
  let admin: Actor;
  const count = async (sql: string) => (await testDb.db.query<{ n: number }>(sql))[0]!.n;
  const snapshot = () => registerCounts(testDb.db);
  /** Every index and constraint of the register and its events, by name and definition. */
  const schema = async () =>
    testDb.db.query(
      `SELECT tablename AS t, indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('entities', 'entity_events')
       UNION ALL
       SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint
        WHERE conrelid IN ('entities'::regclass, 'entity_events'::regclass)
       ORDER BY 1, 2`,
    );

  before(async () => {
    testDb = await createTestDb();
    admin = await actorForUser(testDb.db, { username: 'admin' });
  });
  after(() => testDb?.close());

  test('the rule: PostgreSQL, a file whose size promises at least the register and 50 k rows', async () => {
    assert.equal(await directLoadWanted(testDb.db, bigSource(new Uint8Array())), true);
    assert.equal(await directLoadWanted(testDb.db, { ...bigSource(new Uint8Array()), sizeBytes: 1_000_000 }), false);
    assert.equal(await directLoadWanted(testDb.db, { ...bigSource(new Uint8Array()), sizeBytes: undefined }), false);
  });

  test('validOnly: repeated and registered codes reported as via the stage and left out; events; schema back', async () => {
    const registered = makeEntity();
    const small = {
      filename: 'one.csv',
      format: 'csv' as const,
      open: () => bytesOf(csvOf([rowFor(registered, { stationCode: 's01' })])),
    };
    const one = await importEntities({ db: testDb.db, pii }, { actor: admin, source: small, mode: 'all' });
    assert.deepEqual([one.imported, one.errors], [1, []]);
    const entities = entitiesFor(STAGE_BATCH * 2 + 500);
    const rows = entities.map((e) => rowFor(e, { stationCode: 's01' }));
    rows.push(rowFor({ ...makeEntity(), uscc: registered.uscc }, { stationCode: 's01' }));
    rows.push(rowFor(makeEntity(), { stationCode: 's01', date: '2024-02-30' }));
    rows.push(rowFor(entities[0]!, { stationCode: 's01' }));
    const last = rows.length + 1;
    const schemaBefore = await schema();
    const before = await snapshot();
    const progress: string[] = [];
    let lockedWhileValidating = false;
    const outcome = await importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: bigSource(csvOf(rows)), mode: 'validOnly' },
      {
        onProgress: async (p) => {
          // The pool stays usable while the load's transaction is open (a job's progress row); the register is
          // held by the load already while it validates.
          const [lock] = await testDb.db.query<{ held: boolean }>(
            `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'entities'::regclass
                              AND mode = 'AccessExclusiveLock' AND granted) AS held`,
          );
          if (p.phase === 'validating') lockedWhileValidating ||= lock!.held;
          else progress.push(p.message);
        },
      },
    );
    assert.deepEqual(
      outcome.errors.map((e) => [e.row, e.reason]),
      [
        [2, `与第 ${last} 行的统一社会信用代码重复`],
        [last - 2, '该统一社会信用代码已登记（系统中已有此市场主体）'],
        [last - 1, outcome.errors[2]!.reason],
        [last, '与第 2 行的统一社会信用代码重复'],
      ],
    );
    assert.match(outcome.errors[2]!.reason, /不是有效的日期/);
    assert.deepEqual([outcome.total, outcome.invalid, outcome.imported], [rows.length, 4, entities.length - 1]);
    assert.equal(lockedWhileValidating, true, 'the rows went in while validating');
    assert.deepEqual(progress, [
      `校验完成：共 ${rows.length} 行，有效 ${rows.length - 4} 行，错误 4 行`,
      `正在写入 ${rows.length - 4} 条市场主体……`,
      `已导入 ${entities.length - 1} 条`,
    ]);
    const after = await snapshot();
    assert.deepEqual(
      [after.entities - before.entities, after.events - before.events, after.audit - before.audit],
      [entities.length - 1, entities.length - 1, 1],
    );
    assert.equal(await count(`SELECT count(*)::int AS n FROM entities WHERE uscc = '${entities[0]!.uscc}'`), 0);
    assert.equal(await count(`SELECT count(*)::int AS n FROM entities WHERE uscc = '${registered.uscc}'`), 1);
    // One 设立 event per imported entity, in its order, holding what the staging path records.
    const [ev] = await testDb.db.query<{ after: Record<string, unknown>; n: number; ordered: boolean }>(
      `SELECT (array_agg(ev.after ORDER BY ev.id))[1] AS after, count(*)::int AS n,
              bool_and(ev.kind = 'establish' AND ev.note = '批量导入：big.csv') AS ordered
         FROM entities e JOIN entity_events ev ON ev.entity_id = e.id WHERE e.uscc = ANY($1::text[])`,
      [entities.map((e) => e.uscc)],
    );
    assert.equal(ev!.n, entities.length - 1);
    assert.equal(ev!.ordered, true);
    assert.equal(ev!.after.uscc, entities[1]!.uscc);
    assert.equal(ev!.after.name, entities[1]!.name);
    assert.deepEqual(await schema(), schemaBefore, 'every index and constraint is back');
  });

  test('mode all with a bad row: nothing written, the schema as before', async () => {
    const rows = entitiesFor(STAGE_BATCH + 100).map((e) => rowFor(e, { stationCode: 's01' }));
    rows.push(rowFor(makeEntity(), { stationCode: 's01', date: '2024-02-30' }));
    rows.push(...entitiesFor(50).map((e) => rowFor(e, { stationCode: 's01' })));
    const schemaBefore = await schema();
    const before = await snapshot();
    const outcome = await importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: bigSource(csvOf(rows)), mode: 'all' },
    );
    assert.deepEqual([outcome.invalid, outcome.imported], [1, 0]);
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(await schema(), schemaBefore);
  });

  test('a failure mid-way (while validating, or before commit) leaves nothing and the schema as before', async () => {
    const rows = entitiesFor(STAGE_BATCH * 2).map((e) => rowFor(e, { stationCode: 's01' }));
    const schemaBefore = await schema();
    const before = await snapshot();
    const midway = importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: bigSource(csvOf(rows)), mode: 'all' },
      {
        onProgress: (p) => {
          if (p.phase === 'validating' && p.rows === STAGE_BATCH + 1000) throw new Error('进程中途被终止（模拟）');
        },
      },
    );
    await assert.rejects(midway, /模拟/);
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(await schema(), schemaBefore);
    const atCommit = importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: bigSource(csvOf(rows)), mode: 'all' },
      {
        beforeCommit: async (tx) => {
          const [r] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM entities');
          assert.equal(r!.n, before.entities + rows.length, 'the rows were there inside the transaction');
          throw new Error('提交前被终止（模拟）');
        },
      },
    );
    await assert.rejects(atCommit, /模拟/);
    assert.deepEqual(await snapshot(), before);
    assert.deepEqual(await schema(), schemaBefore);
    // And the same file then imports whole.
    const ok = await importEntities(
      { db: testDb.db, pii },
      { actor: admin, source: bigSource(csvOf(rows)), mode: 'all' },
    );
    assert.equal(ok.imported, rows.length);
  });
});
