import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import * as repo from './repo.ts';

export interface JobContext {
  id: number;
  payload: unknown;
  /** Throttled to one write per 500 ms; the final state is written on completion anyway. */
  progress(done: number, total?: number | null, message?: string | null): Promise<void>;
}
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

const STALE_SECONDS = 300;
const HEARTBEAT_MS = 30_000;

export function createJobRunner(db: Db, opts: { pollMs: number; log?: (msg: string, err?: unknown) => void }) {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = true;

  async function runJob(job: repo.JobRow): Promise<void> {
    const handler = handlers.get(job.kind)!;
    let lastWrite = 0;
    const ctx: JobContext = {
      id: job.id,
      payload: job.payload,
      async progress(done, total = null, message = null) {
        if (Date.now() - lastWrite < 500) return;
        lastWrite = Date.now();
        await repo.reportProgress(db, job.id, done, total, message);
      },
    };
    // A long handler (one big import transaction) still proves it is alive, so it is not requeued.
    const heartbeat = setInterval(() => {
      repo.heartbeat(db, job.id).catch(() => {});
    }, HEARTBEAT_MS);
    try {
      await repo.complete(db, job.id, await handler(ctx));
    } catch (err) {
      opts.log?.(`job ${job.id} (${job.kind}) failed`, err);
      await repo.fail(db, job.id, err instanceof Error ? err.message : String(err));
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** One polling round: housekeeping, then at most one job. Returns whether a job ran. */
  async function tick(): Promise<boolean> {
    await repo.requeueStale(db, STALE_SECONDS);
    await db.transaction((tx) => repo.enqueueDueSchedules(tx));
    if (handlers.size === 0) return false;
    const job = await repo.claimNext(db, workerId, [...handlers.keys()]);
    if (!job) return false;
    await runJob(job);
    return true;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(async () => {
      running = tick().catch((err) => {
        opts.log?.('job poll failed', err);
        return false;
      });
      const didWork = await running;
      running = undefined;
      schedule(didWork ? 0 : opts.pollMs);
    }, delay);
  }

  return {
    workerId,
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    tick,
    /** Runs until the queue has nothing due (tests and CLI). */
    async drain(): Promise<number> {
      let n = 0;
      while (await tick()) n++;
      return n;
    },
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
