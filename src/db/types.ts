/** The database handle's types, apart from the drivers, so helpers of client.ts can use them without a cycle. */
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
