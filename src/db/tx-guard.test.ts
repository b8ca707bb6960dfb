import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDb, type TestDb, testDbKind } from '../../tests/helpers/test-db.ts';
import type { Db } from './client.ts';
import { NESTED_POOL_MESSAGE } from './tx-guard.ts';

/** Fails instead of hanging: before the guard, a pool query inside a PGlite transaction waited forever. */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  return Promise.race([
    p,
    sleep(ms, undefined, { ref: false }).then(() => Promise.reject(new Error(`no answer within ${ms} ms`))),
  ]);
}

const nested = (err: unknown) => err instanceof Error && err.message.startsWith(NESTED_POOL_MESSAGE);

describe(`the pool refuses calls from inside a transaction (${testDbKind()})`, () => {
  let testDb: TestDb;
  let db: Db;

  before(async () => {
    testDb = await createTestDb();
    db = testDb.db;
  });
  after(() => testDb.close());

  test('db.query, db.exec, db.copyFrom and db.transaction inside a transaction fail at once', async () => {
    const calls: [string, () => Promise<unknown>][] = [
      ['query', () => db.query('SELECT 1')],
      ['exec', () => db.exec('SELECT 1')],
      ['copyFrom', () => db.copyFrom('COPY calendar_overrides (day) FROM STDIN', [])],
      ['transaction', () => db.transaction((tx) => tx.query('SELECT 1'))],
    ];
    for (const [name, call] of calls) {
      const started = Date.now();
      await assert.rejects(
        within(
          5_000,
          db.transaction(async (tx) => {
            await tx.query('SELECT 1');
            await call();
          }),
        ),
        nested,
        name,
      );
      assert.ok(Date.now() - started < 2_000, `${name} failed fast`);
    }
    // The stack names the caller, so the offending service is found at once.
    const err = await db.transaction(() => db.query('SELECT 1')).catch((e: Error) => e);
    assert.match(String((err as Error).stack), /tx-guard\.test\.ts/);
    assert.deepEqual(await within(5_000, db.query<{ n: number }>('SELECT 1 AS n')), [{ n: 1 }]);
  });

  test('the rejected transaction rolled back; the handle itself works', async () => {
    await db.exec('CREATE TABLE guard_probe (n int)');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO guard_probe VALUES (1)');
        await db.query('SELECT 1');
      }),
      nested,
    );
    await db.transaction((tx) => tx.query('INSERT INTO guard_probe VALUES (2)'));
    assert.deepEqual(await db.query('SELECT n FROM guard_probe'), [{ n: 2 }]);
  });

  test('independent callers outside the transaction still queue and are answered', async () => {
    let release!: () => void;
    const holding = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    const tx = db.transaction(async (t) => {
      await t.query('SELECT 1');
      entered();
      await holding;
      return t.query<{ n: number }>('SELECT 2 AS n');
    });
    await inside;
    const others = Promise.all([db.query<{ n: number }>('SELECT 3 AS n'), db.transaction((t) => t.query('SELECT 4'))]);
    await sleep(50);
    release();
    assert.deepEqual(await within(5_000, tx), [{ n: 2 }]);
    const [three] = await within(5_000, others);
    assert.deepEqual(three, [{ n: 3 }]);
  });

  test('work a transaction left behind may use the pool once it has ended; its handle may not', async () => {
    let later!: Promise<unknown>;
    let leaked!: Parameters<Parameters<Db['transaction']>[0]>[0];
    await db.transaction(async (tx) => {
      leaked = tx;
      later = sleep(10).then(() => db.query<{ n: number }>('SELECT 5 AS n'));
    });
    assert.deepEqual(await within(5_000, later), [{ n: 5 }]);
    await assert.rejects(leaked.query('SELECT 1'), /事务已结束/);
  });
});
