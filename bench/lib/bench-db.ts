import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openPglite, openPostgres } from '../../src/db/client.ts';

export type BenchDbKind = 'pglite' | 'postgres';

export interface BenchDb {
  db: Db;
  kind: BenchDbKind;
  /** Where the data lives: a database name or a data directory. */
  location: string;
  /** False when `reuse` found the database already there (its data kept from an earlier run). */
  fresh: boolean;
  dispose(): Promise<void>;
}

// Helpers benchmarking side by side each take their own database.
const BENCH_DATABASE = process.env.BENCH_DATABASE_NAME ?? 'shijian_bench';

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database: `shijian_bench` on the server, or a new PGlite data directory on disk. With `reuse`
 * (PostgreSQL only) an existing database is opened as it is and kept afterwards, so a scenario that loads city-scale
 * data once can be measured again without loading it again.
 */
export async function openBenchDb(kind: BenchDbKind, opts: { keep: boolean; reuse?: boolean }): Promise<BenchDb> {
  if (kind === 'postgres') {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const fresh = !(opts.reuse && (await databaseExists(adminUrl, BENCH_DATABASE)));
    if (fresh) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
      await adminQuery(adminUrl, `CREATE DATABASE ${BENCH_DATABASE}`);
    }
    const url = new URL(adminUrl);
    url.pathname = `/${BENCH_DATABASE}`;
    // Like the app: a pool, so the bench pays the same per-query costs.
    const db = await openPostgres(url.toString(), { max: 10 });
    return {
      db,
      kind,
      location: `${url.host}/${BENCH_DATABASE}`,
      fresh,
      dispose: async () => {
        await db.close();
        if (!opts.keep && !opts.reuse)
          await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
      },
    };
  }
  // On disk, as STACK.md advises: in memory 1 M rows cost 2.2 GB of RSS.
  const dir = join(process.cwd(), '.tmp', 'bench', `pglite-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const db = await openPglite(dir);
  return {
    db,
    kind,
    location: dir,
    fresh: true,
    dispose: async () => {
      await db.close();
      if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
