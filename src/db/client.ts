import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';
import { databaseUnavailable } from '../platform/errors.ts';
import { pgCopy, pgliteCopy } from './copy-stream.ts';
import { isConnectionError } from './errors.ts';
import { assertOutsideTransaction, brief, runTransaction } from './tx-guard.ts';
import type { CopySource, Db, Transaction } from './types.ts';

export type { Copyable, CopySource, Db, DbKind, Queryable, Transaction } from './types.ts';

// One representation on both drivers: int8 → number, date → 'YYYY-MM-DD', timestamptz → ISO string.
const toIso = (v: string) => new Date(v).toISOString();
const toNumber = (v: string) => Number(v);
const keep = (v: string) => v;

/** How long a request waits for a PostgreSQL connection before it is answered 503. */
const CONNECT_TIMEOUT_MS = 10_000;

export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    loadDataDir: opts.loadDataDir,
    parsers: {
      [types.INT8]: toNumber,
      [types.DATE]: keep,
      [types.TIMESTAMPTZ]: toIso,
      [types.TIMESTAMP]: keep,
    },
  });
  await client.exec(`SET TIME ZONE 'UTC'`);
  // The one connection: while a transaction holds it, only that transaction's handle may query.
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      assertOutsideTransaction(db, `db.query(${brief(sql)})`);
      return (await client.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      assertOutsideTransaction(db, `db.exec(${brief(sql)})`);
      await client.exec(sql);
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      assertOutsideTransaction(db, 'db.transaction()');
      return client.transaction((t) =>
        runTransaction(
          db,
          {
            query: async <R>(sql: string, params?: unknown[]) => (await t.query<R>(sql, params)).rows,
            copyFrom: (sql, source) => pgliteCopy(t, sql, source),
          },
          fn,
        ),
      );
    },
    // Several blobs must land together, as one COPY does on PostgreSQL.
    async copyFrom(sql: string, source: CopySource) {
      assertOutsideTransaction(db, `db.copyFrom(${brief(sql)})`);
      return client.transaction((t) => pgliteCopy(t, sql, source));
    },
    async close() {
      await client.close();
    },
  };
  // PGlite-only extra for tests (snapshot cloning); not part of the interface.
  return Object.assign(db, { dumpDataDir: () => client.dumpDataDir('none') });
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return toNumber;
    if (oid === 1016) return pg.types.getTypeParser(1007 as never); // int8[] parsed like int4[]: numbers
    if (oid === 1082) return keep;
    if (oid === 1184) return toIso;
    if (oid === 1114) return keep;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** A lost connection becomes a 503 for the caller; any other error is the statement's and passes unchanged. */
function unavailableIfLost(err: unknown): unknown {
  return isConnectionError(err) ? databaseUnavailable(err) : err;
}

/** A checked-out client's state: once lost, it is released with the error and so discarded. */
interface Checkout {
  lost(): boolean;
  discard(err: unknown): void;
}

export interface PostgresOptions {
  max?: number;
  /** Where a connection lost while checked out is reported (once per connection). */
  log?: (message: string, err: unknown) => void;
}

const defaultLog = (message: string, err: unknown) =>
  console.warn(`[db] ${message}: ${err instanceof Error ? err.message : String(err)}`);

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const log = opts.log ?? defaultLog;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: pgTypes as pg.CustomTypesConfig,
    // JIT costs tens of ms on short OLTP queries and buys nothing here.
    options: '-c TimeZone=UTC -c jit=off',
    // Waiting for a connection (server unreachable, pool exhausted) ends in a 503 instead of hanging.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client can be cut off (server restart, DROP DATABASE … FORCE); the pool replaces it.
  pool.on('error', () => {});
  await pool.query('SELECT 1');

  /**
   * One checked-out connection for `fn`. While it is out, the pool does not listen for its errors: a
   * server-side disconnect (57P01) between two statements would be an unhandled 'error' event and end the
   * process. A broken client is released with its error, so the pool discards it instead of lending it again.
   */
  async function withClient<T>(fn: (c: pg.PoolClient, conn: Checkout) => Promise<T>): Promise<T> {
    const c = await pool.connect().catch((err) => Promise.reject(unavailableIfLost(err)));
    let lost: Error | undefined;
    const conn: Checkout = {
      lost: () => lost !== undefined,
      discard(err) {
        if (lost) return;
        lost = err instanceof Error ? err : new Error(String(err));
        log('checked-out database connection lost', err);
      },
    };
    c.on('error', conn.discard);
    try {
      return await fn(c, conn);
    } catch (err) {
      if (isConnectionError(err)) conn.discard(err);
      throw unavailableIfLost(err);
    } finally {
      c.release(lost);
      c.removeListener('error', conn.discard); // release() has put the pool's own listener back
    }
  }

  const db: Db = {
    kind: 'postgresql',
    async query<T>(sql: string, params?: unknown[]) {
      assertOutsideTransaction(db, `db.query(${brief(sql)})`);
      try {
        return (await pool.query(sql, params)).rows as T[];
      } catch (err) {
        throw unavailableIfLost(err);
      }
    },
    async exec(sql: string) {
      assertOutsideTransaction(db, `db.exec(${brief(sql)})`);
      try {
        await pool.query(sql);
      } catch (err) {
        throw unavailableIfLost(err);
      }
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      assertOutsideTransaction(db, 'db.transaction()');
      return withClient(async (c, conn) => {
        await c.query('BEGIN');
        try {
          const result = await runTransaction(
            db,
            {
              query: async <R>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as R[],
              copyFrom: (sql, source) => pgCopy(c, sql, source),
            },
            fn,
          );
          await c.query('COMMIT');
          return result;
        } catch (err) {
          // A lost connection has rolled back already; a failed ROLLBACK leaves the client unusable too.
          if (!conn.lost() && !isConnectionError(err)) await c.query('ROLLBACK').catch(conn.discard);
          throw err;
        }
      });
    },
    async copyFrom(sql: string, source: CopySource) {
      assertOutsideTransaction(db, `db.copyFrom(${brief(sql)})`);
      return withClient((c) => pgCopy(c, sql, source));
    },
    async close() {
      await pool.end();
    },
  };
  return db;
}
