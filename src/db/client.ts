import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';

export type DbKind = 'pglite' | 'postgresql';

/** What repos need: parameterised queries. Both a Db and a transaction handle satisfy it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs several statements at once (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
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
    transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      return client.transaction((tx) =>
        fn({ query: async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows }),
      );
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
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, types: pgTypes as pg.CustomTypesConfig });
  pool.on('connect', (c) => {
    c.query(`SET TIME ZONE 'UTC'`).catch(() => {});
  });
  await pool.query('SELECT 1');
  return {
    kind: 'postgresql',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn({
          query: async <R>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as R[],
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
    async close() {
      await pool.end();
    },
  };
}
