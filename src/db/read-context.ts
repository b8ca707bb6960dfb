import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is reading: set for each HTTP request (src/server/read-routing.ts). Reads outside any request — jobs, the
 * CLI, startup — have no caller and go to the primary, so a job never reads a replica behind its own write.
 */
export interface ReadCaller {
  /** The session token or, without one, the client address: the unit of read-your-writes. */
  key: string;
  /**
   * The primary's WAL position after the caller's last write, carried by the client (a cookie) so that another app
   * node, which has no mark of that write in its memory, still keeps their reads off a replica that lacks it.
   */
  sinceLsn?: bigint;
}

const storage = new AsyncLocalStorage<ReadCaller>();

export const runAsCaller = <T>(caller: ReadCaller, fn: () => T): T => storage.run(caller, fn);

export const currentCaller = (): ReadCaller | undefined => storage.getStore();
