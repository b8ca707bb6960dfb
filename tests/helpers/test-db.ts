import pg from 'pg';
import { type Db, openPostgres } from '../../src/db/client.ts';
import { openPgliteCopy, prepareDatabase, templateKey } from './pglite-template.ts';

/**
 * Test databases. PGlite by default; the PostgreSQL server at TEST_DATABASE_URL when
 * SHIJIAN_TEST_DB=postgresql (scripts/run-tests.mjs runs the suite once per database).
 * Both start from a migrated, demo-loaded template made once per migration set and source state
 * (PGlite: a data folder copied per database, ./pglite-template.ts; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export const testDbKind = (): 'pglite' | 'postgresql' =>
  process.env.SHIJIAN_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SHIJIAN_TEST_DB=postgresql needs TEST_DATABASE_URL');
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresFromTemplate(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const template = `sj_tpl_${templateKey()}`;
  const name = `sj_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_${process.pid}`;
      await client.query(`CREATE DATABASE ${building}`);
      const db = await openPostgres(withDatabase(adminUrl(), building), { max: 2 });
      await prepareDatabase(db);
      await db.close();
      // Another test process may have finished first; then ours is simply dropped.
      await client
        .query(`ALTER DATABASE ${building} RENAME TO ${template}`)
        .catch(() => client.query(`DROP DATABASE ${building}`));
    }
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await client.end();
  }
  const db = await openPostgres(withDatabase(adminUrl(), name), { max: 10 });
  return {
    db,
    drop: async () => {
      await db.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export interface TestDb {
  db: Db;
  /** A connection string for a second process/pool on the same database (PostgreSQL only). */
  url: string | null;
  close(): Promise<void>;
}

/** A fresh, migrated database with the demo org loaded. */
export async function createTestDb(): Promise<TestDb> {
  if (testDbKind() === 'postgresql') {
    const { db, drop } = await postgresFromTemplate();
    const name = ((await db.query<{ d: string }>('SELECT current_database() AS d'))[0] as { d: string }).d;
    return { db, url: withDatabase(adminUrl(), name), close: drop };
  }
  const db = await openPgliteCopy();
  return { db, url: null, close: () => db.close() };
}
