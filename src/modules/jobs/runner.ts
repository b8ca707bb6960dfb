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
/** A job of this host silent this long whose process is gone is released at once, not after STALE_SECONDS. */
const ORPHAN_SECONDS = (2 * HEARTBEAT_MS) / 1000;

/** Worker ids of this process's runners: a lock with this pid but another id is a previous process's (pid 1). */
const liveWorkers = new Set<string>();

/**
 * Whether the process holding a lock of this host (`host:pid:random`) still runs. Only trusted together with a
 * silent heartbeat: another machine may share the host name, and its live workers keep heartbeating.
 */
function holderAlive(lockedBy: string): boolean {
  const pid = Number(lockedBy.split(':').at(-2));
  if (pid === process.pid) return liveWorkers.has(lockedBy);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface JobRunnerOptions {
  pollMs: number;
  log?: (msg: string, err?: unknown) => void;
  /** This process is the database's only user (the embedded one is locked to it): others' running jobs died. */
  soleDatabaseUser?: boolean;
}

export function createJobRunner(db: Db, opts: JobRunnerOptions) {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  liveWorkers.add(workerId);
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

  /**
   * Jobs left `running` by a process that died: as the database's sole user at once; on this host found at once
   * (a restarted server recovers its own jobs within a minute), elsewhere once their heartbeat is STALE_SECONDS
   * old. Either way the run counts.
   */
  async function releaseDied(): Promise<void> {
    const silentFor = opts.soleDatabaseUser ? 0 : ORPHAN_SECONDS;
    const silent = await repo.silentJobs(db, opts.soleDatabaseUser ? '' : `${hostname()}:`, silentFor);
    const isDead = (lockedBy: string) => (opts.soleDatabaseUser ? !liveWorkers.has(lockedBy) : !holderAlive(lockedBy));
    const dead = silent.filter((j) => isDead(j.lockedBy)).map((j) => j.id);
    const released =
      (dead.length ? await repo.releaseDead(db, dead, silentFor) : 0) + (await repo.requeueStale(db, STALE_SECONDS));
    if (released) opts.log?.(`${released} job(s) whose process died were failed or requeued`);
  }

  /** One polling round: housekeeping, then at most one job. Returns whether a job ran. */
  async function tick(): Promise<boolean> {
    await releaseDied();
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
