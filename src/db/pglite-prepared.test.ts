import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createTestDb, type TestDb, testDbKind } from '../../tests/helpers/test-db.ts';
import { type Db, openPglite } from './client.ts';
import { listMigrations } from './migrate.ts';
import { buildPgliteTemplate, isFreshDataDir, readPgliteTemplate } from './pglite-template.ts';

// PGlite only: named prepared statements (client.ts) and the first start's schema template (pglite-template.ts).
const pgliteOnly = testDbKind() !== 'pglite';

describe('PGlite: db.query keeps statements prepared', { skip: pgliteOnly }, () => {
  let testDb: TestDb;
  let db: Db;

  before(async () => {
    testDb = await createTestDb();
    db = testDb.db;
  });
  after(() => testDb?.close());

  test('the same statement again, with other parameters and types, answers like the first time', async () => {
    const sql = `SELECT $1::int + 1 AS n, $2::text AS t, $3::date AS d, $4::int[] AS a, $5::jsonb AS j, $6::int AS z`;
    for (let i = 0; i < 8; i++) {
      const [row] = await db.query(sql, [i, `第${i}`, '2026-12-04', [i, i + 1], { i }, null]);
      assert.deepEqual(row, { n: i + 1, t: `第${i}`, d: '2026-12-04', a: [i, i + 1], j: { i }, z: null });
    }
    const rows = await db.query<{ g: number }>('SELECT g FROM generate_series(1, 3) g');
    assert.deepEqual(
      rows.map((r) => r.g),
      [1, 2, 3],
    );
  });

  test('writes are seen at once; a failed statement keeps its SQLSTATE and the next call works', async () => {
    await db.exec('CREATE TABLE prep_t (id int PRIMARY KEY, v text)');
    await db.query('INSERT INTO prep_t VALUES ($1, $2)', [1, 'a']);
    await assert.rejects(db.query('INSERT INTO prep_t VALUES ($1, $2)', [1, 'b']), { code: '23505' });
    await assert.rejects(db.query('SELECT no_such_column FROM prep_t'), { code: '42703' });
    await db.query('INSERT INTO prep_t VALUES ($1, $2)', [2, 'b']);
    assert.deepEqual(await db.query('SELECT id, v FROM prep_t ORDER BY id'), [
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
    ]);
  });

  test('a table changed under a kept statement: the statement is prepared again, no error', async () => {
    const sql = 'SELECT * FROM prep_t ORDER BY id';
    assert.equal((await db.query(sql)).length, 2);
    await db.exec(`ALTER TABLE prep_t ADD COLUMN w text DEFAULT 'x'`);
    assert.deepEqual((await db.query(sql))[0], { id: 1, v: 'a', w: 'x' });
  });

  test('inside a transaction the handle still answers (unnamed statements there)', async () => {
    const n = await db.transaction(
      async (tx) => (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM prep_t'))[0]!.n,
    );
    assert.equal(n, 2);
  });
});

describe('PGlite: the first start restores the schema template', { skip: pgliteOnly }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sj-tpl-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('built once, restored into a fresh directory with every migration applied; a stale one is not used', async () => {
    const path = join(dir, 'pglite-template.tar.gz');
    await buildPgliteTemplate(path);
    const blob = readPgliteTemplate(path);
    assert.ok(blob);
    const data = join(dir, 'data');
    assert.equal(isFreshDataDir(data), true);
    const db = await openPglite(data, { loadDataDir: blob });
    try {
      const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(
        rows.map((r) => r.name),
        listMigrations().map((m) => m.name),
      );
      assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units'))[0]!.n, 0);
    } finally {
      await db.close();
    }
    assert.equal(isFreshDataDir(data), false);
    // Made with other migration files (or another PGlite): ignored, the start runs initdb and the migrations.
    writeFileSync(path.replace(/\.tar\.gz$/, '.json'), JSON.stringify({ pglite: '0.0.0', migrations: [] }));
    assert.equal(readPgliteTemplate(path), undefined);
    assert.equal(readPgliteTemplate(join(dir, 'missing.tar.gz')), undefined);
  });
});
