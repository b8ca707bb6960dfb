import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb, testDbKind } from '../../tests/helpers/test-db.ts';
import type { Db } from './client.ts';
import { onSharedSnapshot } from './shared-snapshot.ts';
import { detachedFromTransactions } from './tx-guard.ts';

describe(`onSharedSnapshot: several connections, one snapshot (${testDbKind()})`, () => {
  let testDb: TestDb;
  let db: Db;

  before(async () => {
    testDb = await createTestDb();
    db = testDb.db;
    await db.exec('CREATE TABLE snap_probe (n int PRIMARY KEY); INSERT INTO snap_probe VALUES (1), (2)');
  });
  after(() => testDb.close());

  test('every item reads what the transaction reads, even after another commit; results in item order', async () => {
    const seen = await db.transaction(async (tx) => {
      // Repeatable read: the transaction's snapshot is taken by its first statement and kept.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await tx.query('SELECT count(*) FROM snap_probe');
      // Committed by another connection after that: invisible to the snapshot (on PGlite the items run on tx).
      if (db.kind === 'postgresql') await detachedFromTransactions(() => db.query('INSERT INTO snap_probe VALUES (3)'));
      return onSharedSnapshot(db, tx, [10, 20, 30, 40], 2, async (q, item) => {
        const [r] = await q.query<{ n: number; pid: number }>(
          'SELECT count(*)::int AS n, pg_backend_pid() AS pid FROM snap_probe, pg_sleep(0.05) GROUP BY pid',
        );
        return { item, n: r!.n, pid: r!.pid };
      });
    });
    assert.deepEqual(
      seen.map((s) => s.item),
      [10, 20, 30, 40],
    );
    assert.ok(
      seen.every((s) => s.n === 2),
      JSON.stringify(seen),
    );
    if (db.kind === 'postgresql') assert.equal(new Set(seen.map((s) => s.pid)).size, 2, 'two connections');
  });

  test('an item that fails fails the call, and the others stop taking items', async () => {
    let ran = 0;
    await assert.rejects(
      db.transaction((tx) =>
        onSharedSnapshot(db, tx, [1, 2, 3, 4, 5, 6], 2, async (q, item) => {
          ran++;
          if (item === 1) await q.query('SELECT 1/0');
          await q.query('SELECT pg_sleep(0.05)');
          return item;
        }),
      ),
      /division by zero/,
    );
    assert.ok(ran < 6, `ran ${ran} of 6 items`);
  });
  test('the settings apply on every connection (the caller sets them on its own transaction)', async () => {
    const seen = await db.transaction(async (tx) => {
      await tx.query("SELECT set_config('work_mem', '12MB', true)");
      return onSharedSnapshot(
        db,
        tx,
        [1, 2, 3, 4],
        2,
        async (q) => (await q.query<{ w: string }>("SELECT current_setting('work_mem') AS w"))[0]!.w,
        { work_mem: '12MB' },
      );
    });
    assert.deepEqual(seen, ['12MB', '12MB', '12MB', '12MB']);
    const [after] = await db.query<{ w: string }>("SELECT current_setting('work_mem') AS w");
    assert.notEqual(after!.w, '12MB', 'transaction-local: the pool connections are left as they were');
  });
});
