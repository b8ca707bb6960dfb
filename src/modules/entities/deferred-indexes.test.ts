import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { createTestDb, type TestDb } from '../../../tests/helpers/test-db.ts';
import type { Queryable } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { createPiiCipher } from '../../platform/pii.ts';
import { copyEntityRows } from './copy-repo.ts';
import { withEventKeyDeferred, withIndexesDeferred } from './repo.ts';
import { toEntityRow } from './row.ts';

const pii = createPiiCipher('deferred-index-test');

describe('a bulk load with the secondary indexes dropped and rebuilt, all inside one transaction', () => {
  let testDb: TestDb;
  let stationId: number;
  const indexes = async () =>
    (
      await testDb.db.query<{ def: string }>(
        `SELECT indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'entities' ORDER BY indexname`,
      )
    ).map((r) => r.def);
  const count = async () => (await testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entities'))[0]!.n;
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      toEntityRow(makeEntity({ name: `佛山市南海区批量${i}餐饮店` }), { stationId, actorId: null, pii }),
    );

  before(async () => {
    testDb = await createTestDb();
    const [s] = await testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    stationId = s!.id;
  });
  after(() => testDb.close());

  test('the indexes are gone during the load and the same afterwards; the rows are searchable', async () => {
    const before = await indexes();
    let during: string[] = [];
    await testDb.db.transaction((tx) =>
      withIndexesDeferred(
        tx,
        30,
        async () => {
          during = (
            await tx.query<{ name: string }>(
              `SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'entities' ORDER BY 1`,
            )
          ).map((r) => r.name);
          return copyEntityRows(tx, rows(30));
        },
        1,
      ),
    );
    assert.deepEqual(during, ['entities_pkey', 'entities_uscc_key']);
    assert.deepEqual(await indexes(), before);
    assert.equal(await count(), 30);
    const [hit] = await testDb.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM entities WHERE name_bigrams @@ '''批量'''::tsquery`,
    );
    assert.equal(hit!.n, 30);
  });

  test('the events key is dropped for a deferred load and added back: it is still checked, set-based', async () => {
    const eventKeys = async () =>
      (
        await testDb.db.query<{ def: string }>(
          `SELECT conname || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint
            WHERE conrelid = 'entity_events'::regclass AND confrelid = 'entities'::regclass`,
        )
      ).map((r) => r.def);
    const keys = await eventKeys();
    assert.equal(keys.length, 1);
    const insertEvents = (tx: Queryable, extra = '') =>
      tx.query(
        `INSERT INTO entity_events (entity_id, kind, occurred_on)
         SELECT id, 'establish', established_on FROM entities ${extra}`,
      );
    const load = async (extra: string) => {
      const incoming = (await count()) + 10;
      return testDb.db.transaction((tx) =>
        withIndexesDeferred(
          tx,
          incoming,
          async (deferred) => {
            assert.equal(deferred, true);
            return withEventKeyDeferred(tx, async () => {
              await copyEntityRows(tx, rows(10));
              await insertEvents(tx, extra);
            });
          },
          1,
        ),
      );
    };
    await load('');
    assert.deepEqual(await eventKeys(), keys);
    await assert.rejects(load("UNION ALL SELECT -1, 'establish', now()::date"), /foreign key|外键/);
    assert.deepEqual(await eventKeys(), keys);
  });

  test('a load that fails half-way leaves neither rows nor a missing index', async () => {
    const before = await indexes();
    const rowsBefore = await count();
    await assert.rejects(
      testDb.db.transaction((tx) =>
        withIndexesDeferred(
          tx,
          rowsBefore + 20,
          async () => {
            await copyEntityRows(tx, rows(20));
            throw new Error('killed');
          },
          1,
        ),
      ),
      /killed/,
    );
    assert.deepEqual(await indexes(), before);
    assert.equal(await count(), rowsBefore);
  });

  test('a duplicate USCC still fails the deferred load (the unique index stays)', async () => {
    const [existing] = await testDb.db.query<{ uscc: string }>('SELECT uscc FROM entities LIMIT 1');
    const batch = rows(60);
    batch[59] = { ...batch[59]!, uscc: existing!.uscc };
    const rowsBefore = await count();
    await assert.rejects(
      testDb.db.transaction((tx) => withIndexesDeferred(tx, 60, () => copyEntityRows(tx, batch), 1)),
      (err) => isUniqueViolation(err),
    );
    assert.equal(await count(), rowsBefore);
  });

  test('a load smaller than the table keeps the indexes', async () => {
    await testDb.db.exec('ANALYZE entities');
    let kept = 0;
    await testDb.db.transaction((tx) =>
      withIndexesDeferred(
        tx,
        1,
        async () => {
          kept = (
            await tx.query(`SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'entities'`)
          ).length;
          return copyEntityRows(tx, rows(1));
        },
        1,
      ),
    );
    assert.equal(kept, (await indexes()).length);
  });
});
