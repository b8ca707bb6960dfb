import type { Db, Transaction } from './types.ts';

/** A transaction left open while its caller goes on: queries go through `tx`, and it ends with commit or rollback. */
export interface OpenTransaction {
  tx: Transaction;
  /** Commits; rejects with the COMMIT's (or an earlier statement's) error, after which it has rolled back. */
  commit(): Promise<void>;
  /** Rolls back (a no-op once ended); never rejects. */
  rollback(): Promise<void>;
}

class RolledBack extends Error {}

/**
 * Opens a transaction on a connection of its own and hands it out instead of running a callback inside it: the
 * caller's own code is not marked as inside the transaction, so it may still use the pool (a job's progress row,
 * committed at once) while the transaction stays open. PostgreSQL only: on PGlite the transaction holds the one
 * connection, and any pool query made meanwhile would wait for it forever.
 */
export function openTransaction(db: Db): Promise<OpenTransaction> {
  if (db.kind !== 'postgresql') throw new Error('openTransaction: PostgreSQL only');
  return new Promise((resolve, reject) => {
    let end: (err?: Error) => void = () => undefined;
    const done = db.transaction(
      (tx) =>
        new Promise<void>((ok, fail) => {
          end = (err) => (err ? fail(err) : ok());
          resolve({
            tx,
            commit: () => {
              end();
              return done;
            },
            rollback: () => {
              end(new RolledBack());
              return done.catch(() => undefined);
            },
          });
        }),
    );
    // BEGIN failed (no connection): the callback never ran, so nobody holds `done` but this.
    done.catch(reject);
  });
}
