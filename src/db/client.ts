import { mkdirSync } from 'node:fs';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';
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
  const prepared = process.env.SHIJIAN_PGLITE_PREPARED === 'false' ? undefined : preparedStatements(client);
  // The one connection: while a transaction holds it, only that transaction's handle may query.
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      assertOutsideTransaction(db, `db.query(${brief(sql)})`);
      if (prepared) return prepared.query<T>(sql, params ?? []);
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

type BackendMessage = { name: string } & Record<string, unknown>;
/** PGlite's internals used here: the same locks its own query() takes, and its parameter serializers. */
interface PgliteInternals {
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  serializers: Record<number, (v: unknown) => string>;
  parsers: Record<number, (v: string, typeId?: number) => unknown>;
}

/** Distinct statements kept prepared per process; the least recently used one is closed beyond that. */
const PREPARED_MAX = 400;

/**
 * PGlite plans an unnamed statement anew on every call (its query() parses, describes, binds and executes an unnamed
 * statement). The larger list statements (the inbox's providers: windows joined laterally with 4–6 tables) spent
 * 7–87 ms each in planning. Here a statement run outside a transaction is prepared once under a name and then only
 * bound and executed, so PostgreSQL's plan cache applies: a statement without parameters keeps its plan; one with
 * parameters gets a generic plan after five custom ones when that plan is not costlier (plan_cache_mode auto). The
 * same wire messages as PGlite's own query() under the same locks; errors are the same DatabaseError.
 */
function preparedStatements(client: PGlite) {
  const pg = client as unknown as PgliteInternals & PGlite;
  const cache = new Map<string, { name: string; paramTypes: number[]; head: BackendMessage[] }>();
  let next = 0;
  const run = async (message: Uint8Array) =>
    (await client.execProtocolStream(message, { syncToFs: false })) as unknown as BackendMessage[];

  async function execute(sql: string, params: unknown[]): Promise<BackendMessage[]> {
    let entry = cache.get(sql);
    if (entry) {
      cache.delete(sql);
      cache.set(sql, entry); // most recently used last
    } else {
      if (cache.size >= PREPARED_MAX) {
        const [oldSql, old] = cache.entries().next().value!;
        cache.delete(oldSql);
        try {
          await run(protocol.serialize.close({ type: 'S', name: old.name }));
        } finally {
          await run(protocol.serialize.sync());
        }
      }
      const name = `sj_${++next}`;
      try {
        await run(protocol.serialize.parse({ name, text: sql, types: [] }));
        const described = await run(protocol.serialize.describe({ type: 'S', name }));
        entry = {
          name,
          paramTypes: parse.parseDescribeStatementResults(described as never),
          head: described.filter((m) => m.name === 'rowDescription'),
        };
      } finally {
        await run(protocol.serialize.sync());
      }
      cache.set(sql, entry);
    }
    const { name, paramTypes, head } = entry;
    const values = params.map((v, i) => {
      if (v === null || v === undefined) return null;
      const serialize = pg.serializers[paramTypes[i]!];
      return serialize ? serialize(v) : String(v);
    });
    try {
      const out = [
        ...(await run(protocol.serialize.bind({ statement: name, values }))),
        ...(await run(protocol.serialize.execute({}))),
      ];
      return [...head, ...out];
    } catch (err) {
      // A table's columns changed under a kept statement ("cached plan must not change result type"): forget it.
      if ((err as { code?: string }).code === '0A000') {
        cache.delete(sql);
        stale = name;
      }
      throw err;
    } finally {
      await run(protocol.serialize.sync());
    }
  }

  /** The statement whose plan went stale in the last call: closed, then the call is made once more. */
  let stale: string | undefined;
  async function executeOnce(sql: string, params: unknown[]): Promise<BackendMessage[]> {
    stale = undefined;
    try {
      return await execute(sql, params);
    } catch (err) {
      if (stale === undefined || client.isInTransaction()) throw err;
      const name = stale;
      stale = undefined;
      try {
        await run(protocol.serialize.close({ type: 'S', name }));
      } finally {
        await run(protocol.serialize.sync());
      }
      return execute(sql, params);
    }
  }

  return {
    async query<T>(sql: string, params: unknown[]): Promise<T[]> {
      const messages = await pg._runExclusiveTransaction(() =>
        pg._runExclusiveQuery(async () => {
          try {
            return await executeOnce(sql, params);
          } catch (err) {
            if (err && typeof err === 'object') Object.assign(err, { query: sql, params });
            throw err;
          }
        }),
      );
      if (!client.isInTransaction()) await client.syncToFs();
      return (parse.parseResults(messages as never, pg.parsers as never)[0]?.rows ?? []) as T[];
    },
  };
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
