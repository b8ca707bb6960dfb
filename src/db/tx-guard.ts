import { AsyncLocalStorage } from 'node:async_hooks';
import type { Transaction } from './types.ts';

/** One open transaction of one Db, as seen from the code running inside it. */
interface Frame {
  readonly owner: object;
  open: boolean;
}

const frames = new AsyncLocalStorage<readonly Frame[]>();

export const NESTED_POOL_MESSAGE = '查询应通过事务句柄 tx 执行：在事务内部调用了连接池（会在PGlite上死锁）';

/** Thrown when code inside a transaction asks its Db for another connection: a bug, so it fails at once. */
export class PoolInsideTransactionError extends Error {
  constructor(call: string) {
    super(`${NESTED_POOL_MESSAGE}：${call}`);
    this.name = 'PoolInsideTransactionError';
  }
}

/**
 * Runs a transaction's callback marked as inside `owner`'s transaction. PGlite has one connection, held by
 * the transaction, so a pool query from the callback would wait for it forever; on PostgreSQL it would read
 * outside the transaction and could exhaust the pool. Independent requests run in their own async contexts
 * and are not marked, so they still queue normally. The mark ends with the callback (timers it left behind
 * are not inside the transaction any more).
 */
export async function runInsideTransaction<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const frame: Frame = { owner, open: true };
  try {
    return await frames.run([...(frames.getStore() ?? []), frame], fn);
  } finally {
    frame.open = false;
  }
}

/**
 * Runs `fn` unmarked, for connections of their own that a transaction waits for (PostgreSQL only: on PGlite they
 * would wait for the transaction's one connection). Used by db/shared-snapshot.ts and nowhere else.
 */
export function detachedFromTransactions<T>(fn: () => T): T {
  return frames.exit(fn);
}

/** Throws when the caller runs inside an open transaction of `owner`; `call` names the call for the message. */
export function assertOutsideTransaction(owner: object, call: string): void {
  if (frames.getStore()?.some((f) => f.open && f.owner === owner)) throw new PoolInsideTransactionError(call);
}

/** The start of a statement, to name it in an error. */
export const brief = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 80);

/** A transaction handle that refuses work once its transaction has ended: its connection may serve others. */
function transactionHandle(run: Transaction): { tx: Transaction; end(): void } {
  let ended = false;
  const live = () => {
    if (ended) throw new Error('事务已结束：不能再通过它的句柄 tx 执行查询');
  };
  return {
    tx: {
      async query(sql, params) {
        live();
        return run.query(sql, params);
      },
      async copyFrom(sql, source) {
        live();
        return run.copyFrom(sql, source);
      },
    },
    end: () => {
      ended = true;
    },
  };
}

/** Runs a transaction's `fn` with its handle, marked as inside the transaction of `owner`. */
export async function runTransaction<T>(
  owner: object,
  run: Transaction,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const { tx, end } = transactionHandle(run);
  try {
    return await runInsideTransaction(owner, () => fn(tx));
  } finally {
    end();
  }
}
