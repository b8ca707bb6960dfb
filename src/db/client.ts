import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Transaction as PgliteTransaction, types } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

export type DbKind = 'pglite' | 'postgresql';

/** What repos need: parameterised queries. Both a Db and a transaction handle satisfy it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Text-format COPY data: each item one or more complete lines, each ending in '\n' (see db/copy.ts). */
export type CopySource = AsyncIterable<string> | Iterable<string>;

/** Bulk load: `sql` is `COPY table (cols) FROM STDIN`; resolves to the number of rows copied. */
export interface Copyable {
  copyFrom(sql: string, source: CopySource): Promise<number>;
}

/** The handle passed to `transaction(fn)`: queries and COPY on the transaction's one connection. */
export interface Transaction extends Queryable, Copyable {}

export interface Db extends Queryable, Copyable {
  readonly kind: DbKind;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// One representation on both drivers: int8 → number, date → 'YYYY-MM-DD', timestamptz → ISO string.
const toIso = (v: string) => new Date(v).toISOString();
const toNumber = (v: string) => Number(v);
const keep = (v: string) => v;

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
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await client.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await client.exec(sql);
    },
    transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      return client.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows,
          copyFrom: (sql, source) => pgliteCopy(tx, sql, source),
        }),
      );
    },
    // Several blobs must land together, as one COPY does on PostgreSQL.
    copyFrom(sql: string, source: CopySource) {
      return client.transaction((tx) => pgliteCopy(tx, sql, source));
    },
    async close() {
      await client.close();
    },
    // PGlite-only extras for tests (snapshot cloning); not part of the interface.
    ...{ dumpDataDir: () => client.dumpDataDir('none') },
  } as Db;
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

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: pgTypes as pg.CustomTypesConfig,
    // JIT costs tens of ms on short OLTP queries and buys nothing here.
    options: '-c TimeZone=UTC -c jit=off',
  });
  // An idle client can be cut off (server restart, DROP DATABASE … FORCE); the pool replaces it.
  pool.on('error', () => {});
  await pool.query('SELECT 1');
  return {
    kind: 'postgresql',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Transaction) => Promise<T>) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as R[],
          copyFrom: (sql, source) => pgCopy(c, sql, source),
        });
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    },
    async copyFrom(sql: string, source: CopySource) {
      const c = await pool.connect();
      try {
        return await pgCopy(c, sql, source);
      } finally {
        c.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Groups the source into arrays of at most maxItems items / maxChars characters. */
function* chunkSync(source: Iterable<string>, maxItems: number, maxChars: number): Generator<string[]> {
  let parts: string[] = [];
  let size = 0;
  for (const item of source) {
    parts.push(item);
    size += item.length;
    if (parts.length >= maxItems || size >= maxChars) {
      yield parts;
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts;
}

// A sync source is chunked synchronously: for-await over millions of lines would cost a microtask each.
async function* chunks(source: CopySource, maxItems: number, maxChars: number): AsyncGenerator<string[]> {
  if (Symbol.iterator in source) return yield* chunkSync(source, maxItems, maxChars);
  let parts: string[] = [];
  let size = 0;
  for await (const item of source) {
    parts.push(item);
    size += item.length;
    if (parts.length >= maxItems || size >= maxChars) {
      yield parts;
      parts = [];
      size = 0;
    }
  }
  if (parts.length) yield parts;
}

async function* joined(source: CopySource): AsyncGenerator<string> {
  for await (const parts of chunks(source, Number.POSITIVE_INFINITY, 256 * 1024)) yield parts.join('');
}

/** COPY … FROM STDIN streamed with backpressure; a failing source sends CopyFail, so nothing is half-loaded. */
async function pgCopy(c: pg.PoolClient, sql: string, source: CopySource): Promise<number> {
  const stream = c.query(copyFromStdin(sql));
  await pipeline(Readable.from(joined(source)), stream);
  return stream.rowCount;
}

/** Items per blob: PGlite needs the whole blob in memory, so millions of rows go as a series of COPYs. */
const PGLITE_COPY_ITEMS = 50_000;
const PGLITE_COPY_CHARS = 32 * 1024 * 1024;

/** Blob assembly is per part: 50 k one-row parts took 1.0 s to build and read back, grouped like this 0.37 s. */
function joinedGroups(parts: string[], size = 4096): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += size) out.push(parts.slice(i, i + size).join(''));
  return out;
}

async function pgliteCopy(tx: PgliteTransaction, sql: string, source: CopySource): Promise<number> {
  const blobSql = sql.replace(/\bFROM\s+STDIN\b/i, `FROM '/dev/blob'`);
  if (blobSql === sql) throw new Error('copyFrom expects COPY … FROM STDIN');
  let total = 0;
  for await (const parts of chunks(source, PGLITE_COPY_ITEMS, PGLITE_COPY_CHARS)) {
    const result = await tx.query(blobSql, [], { blob: new Blob(joinedGroups(parts)) });
    total += result.affectedRows ?? 0;
  }
  return total;
}
