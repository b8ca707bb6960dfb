import { detachedFromTransactions } from './tx-guard.ts';
import type { Db, Transaction } from './types.ts';

/**
 * Runs `fn` for every item on up to `parallel` connections of their own that read what `tx` reads
 * (pg_export_snapshot, SET TRANSACTION SNAPSHOT): a large read split over the server's cores, still one snapshot.
 * Each connection's writes commit with its own transaction, before `tx` ends, so the caller must cope with `tx`
 * rolling back afterwards. On PGlite (one connection), or with one item or `parallel` 1, the items run in turn on `tx`.
 * Results come back in the items' order; the first error stops the other connections' next items and is thrown.
 * `settings` (set_config, transaction-local) apply on each connection; the caller sets them on `tx` itself.
 */
export async function onSharedSnapshot<I, R>(
  db: Db,
  tx: Transaction,
  items: readonly I[],
  parallel: number,
  fn: (q: Transaction, item: I) => Promise<R>,
  settings: Readonly<Record<string, string>> = {},
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  if (db.kind !== 'postgresql' || parallel < 2 || items.length < 2) {
    for (const [i, item] of items.entries()) out[i] = await fn(tx, item);
    return out;
  }
  const [row] = await tx.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
  const snapshot = row!.snapshot;
  // SET TRANSACTION SNAPSHOT takes a literal only; the server's identifiers are hex digits and dashes.
  if (!/^[0-9A-F-]+$/i.test(snapshot)) throw new Error(`unexpected snapshot identifier ${snapshot}`);
  let next = 0;
  let failed = false;
  const worker = () =>
    detachedFromTransactions(() =>
      db.transaction(async (w) => {
        await w.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        await w.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
        for (const [name, value] of Object.entries(settings))
          await w.query('SELECT set_config($1, $2, true)', [name, value]);
        for (let i = next++; i < items.length && !failed; i = next++) {
          try {
            out[i] = await fn(w, items[i]!);
          } catch (err) {
            failed = true;
            throw err;
          }
        }
      }),
    );
  const settled = await Promise.allSettled(Array.from({ length: Math.min(parallel, items.length) }, worker));
  const rejected = settled.find((s) => s.status === 'rejected');
  if (rejected) throw (rejected as PromiseRejectedResult).reason;
  return out;
}
