import type { TJob } from '../../contracts/jobs.ts';
import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';

const jobColumns = `id, kind, status, attempts, progress_done AS "progressDone", progress_total AS "progressTotal",
  message, result, error, created_by AS "createdBy", created_at AS "createdAt", started_at AS "startedAt",
  finished_at AS "finishedAt"`;

export type JobRow = TJob & { payload: unknown; maxAttempts: number };

export interface EnqueueInput {
  kind: string;
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  createdBy?: number | null;
  unitId?: number | null;
}

export async function enqueue(db: Queryable, j: EnqueueInput): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO jobs (kind, payload, run_at, max_attempts, created_by, unit_id)
     VALUES ($1, $2, COALESCE($3, now()), $4, $5, $6) RETURNING id`,
    [
      j.kind,
      JSON.stringify(j.payload ?? {}),
      j.runAt?.toISOString() ?? null,
      j.maxAttempts ?? 3,
      j.createdBy ?? null,
      j.unitId ?? null,
    ],
  );
  return row!.id;
}

/** Takes the oldest due job; SKIP LOCKED lets many processes poll without ever taking the same row. */
export async function claimNext(db: Queryable, workerId: string, kinds: string[]): Promise<JobRow | undefined> {
  const [row] = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = $1, heartbeat_at = now(),
        started_at = COALESCE(started_at, now())
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now() AND kind = ANY($2::text[])
                   ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING ${jobColumns}, payload, max_attempts AS "maxAttempts"`,
    [workerId, kinds],
  );
  return row;
}

export async function reportProgress(
  db: Queryable,
  id: number,
  done: number,
  total: number | null,
  message: string | null,
) {
  await db.query(
    `UPDATE jobs SET progress_done = $2, progress_total = COALESCE($3, progress_total), message = COALESCE($4, message),
        heartbeat_at = now() WHERE id = $1`,
    [id, done, total, message],
  );
}

export async function complete(db: Queryable, id: number, result: unknown) {
  await db.query(
    `UPDATE jobs SET status = 'succeeded', result = $2, finished_at = now(), locked_by = NULL,
        progress_done = COALESCE(progress_total, progress_done) WHERE id = $1`,
    [id, JSON.stringify(result ?? null)],
  );
}

/** A failure is retried with backoff until max_attempts; then the job stays failed for people to see. */
export async function fail(db: Queryable, id: number, error: string) {
  await db.query(
    `UPDATE jobs SET error = $2, locked_by = NULL,
        status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
        run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE now() + make_interval(secs => 5 * attempts * attempts) END,
        finished_at = CASE WHEN attempts >= max_attempts THEN now() END
      WHERE id = $1`,
    [id, error.slice(0, 2000)],
  );
}

export async function heartbeat(db: Queryable, id: number) {
  await db.query(`UPDATE jobs SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, [id]);
}

/** The error a job records when the process running it stopped (killed, out of memory, power cut). */
export const PROCESS_DIED = '执行该任务的进程意外终止';

/**
 * A running job whose process died: that run counted as an attempt when it was claimed, so a job that had used
 * its last attempt fails (a file that crashes the server must not crash it again after every restart); others
 * go back to the queue with the same backoff as a failure.
 */
const releaseDied = (where: string) =>
  `UPDATE jobs SET locked_by = NULL, error = '${PROCESS_DIED}',
      status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
      run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE now() + make_interval(secs => 5 * attempts * attempts) END,
      finished_at = CASE WHEN attempts >= max_attempts THEN now() END
    WHERE status = 'running' AND ${where} RETURNING id`;

/** Jobs with no heartbeat for `staleSeconds`, wherever they ran. */
export async function requeueStale(db: Queryable, staleSeconds: number): Promise<number> {
  const rows = await db.query(releaseDied('heartbeat_at < now() - make_interval(secs => $1)'), [staleSeconds]);
  return rows.length;
}

/** Running jobs locked by a worker whose id starts with `prefix` (this host) and silent for `seconds`. */
export async function silentJobs(
  db: Queryable,
  prefix: string,
  seconds: number,
): Promise<{ id: number; lockedBy: string }[]> {
  return db.query(
    `SELECT id, locked_by AS "lockedBy" FROM jobs
      WHERE status = 'running' AND starts_with(locked_by, $1) AND heartbeat_at < now() - make_interval(secs => $2)`,
    [prefix, seconds],
  );
}

/** Releases these jobs as died, unless a heartbeat came in meanwhile (then their process is alive after all). */
export async function releaseDead(db: Queryable, ids: number[], seconds: number): Promise<number> {
  const rows = await db.query(
    releaseDied('id = ANY($1::bigint[]) AND heartbeat_at < now() - make_interval(secs => $2)'),
    [ids, seconds],
  );
  return rows.length;
}

/** Claims due schedules and enqueues one job each; the row lock makes exactly one process do it. */
export async function enqueueDueSchedules(tx: Queryable): Promise<number> {
  const rows = await tx.query(
    `WITH due AS (
       UPDATE job_schedules SET next_run_at = now() + make_interval(secs => interval_seconds)
        WHERE name IN (SELECT name FROM job_schedules WHERE active AND next_run_at <= now() FOR UPDATE SKIP LOCKED)
        RETURNING kind, payload)
     INSERT INTO jobs (kind, payload) SELECT kind, payload FROM due RETURNING id`,
  );
  return rows.length;
}

export async function upsertSchedule(
  db: Queryable,
  s: { name: string; kind: string; intervalSeconds: number; payload?: unknown },
) {
  await db.query(
    `INSERT INTO job_schedules (name, kind, payload, interval_seconds, next_run_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, payload = EXCLUDED.payload, interval_seconds = EXCLUDED.interval_seconds`,
    [s.name, s.kind, JSON.stringify(s.payload ?? {}), s.intervalSeconds],
  );
}

export type JobRecord = TJob & { unitId: number | null };

export async function findJob(db: Queryable, id: number): Promise<JobRecord | undefined> {
  const [row] = await db.query<JobRecord>(`SELECT ${jobColumns}, unit_id AS "unitId" FROM jobs WHERE id = $1`, [id]);
  return row;
}

/** The caller's readable rows (access.ts readableWhere, bound to the caller by the service). */
export type Readable = (w: Where) => Where;

export async function listJobs(
  db: Queryable,
  readable: Readable,
  f: { status?: string; kind?: string; beforeId?: number; limit: number },
): Promise<TJob[]> {
  const w = readable(new Where())
    .addIf(f.status, 'j.status = ?')
    .addIf(f.kind, 'j.kind = ?')
    .addIf(f.beforeId, 'j.id < ?');
  const limit = w.param(f.limit);
  return db.query<TJob>(`SELECT ${jobColumns} FROM jobs j ${w} ORDER BY j.id DESC LIMIT ${limit}`, w.params);
}

/** The administrator's job figures: queued, running, failed in the last day and the newest failure. */
export async function jobFigures(db: Queryable) {
  const [row] = await db.query<{
    queued: number;
    running: number;
    failedRecently: number;
    failedKind: string | null;
    failedAt: string | null;
  }>(
    `SELECT (SELECT count(*) FROM jobs WHERE status = 'queued')::int AS queued,
            (SELECT count(*) FROM jobs WHERE status = 'running')::int AS running,
            (SELECT count(*) FROM jobs WHERE created_at > now() - interval '1 day' AND status = 'failed')::int
              AS "failedRecently",
            f.kind AS "failedKind", f.finished_at AS "failedAt"
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT kind, finished_at FROM jobs WHERE created_at > now() - interval '1 day'
                           AND status = 'failed' ORDER BY created_at DESC, id DESC LIMIT 1) f ON true`,
  );
  return row!;
}
