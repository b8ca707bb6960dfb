import type { Queryable } from '../../db/client.ts';

/** One round trip: the database answers. */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/**
 * The administrator's system figures, each one index-backed (the jobs queue and running indexes, jobs by creation,
 * the login log by time, the checkpoint by audit id, the audit log's key). Health is the one module that looks
 * across the platform's own tables, read-only, for this summary.
 */
export async function systemFigures(db: Queryable, todayStart: string) {
  const [row] = await db.query<{
    sizeBytes: number;
    queued: number;
    running: number;
    failedRecently: number;
    failedKind: string | null;
    failedAt: string | null;
    failedLoginsToday: number;
    auditHeadId: number;
    checkpointAt: string | null;
    checkpointRows: number | null;
  }>(
    `SELECT pg_database_size(current_database())::bigint AS "sizeBytes",
            (SELECT count(*) FROM jobs WHERE status = 'queued')::int AS queued,
            (SELECT count(*) FROM jobs WHERE status = 'running')::int AS running,
            (SELECT count(*) FROM jobs WHERE created_at > now() - interval '1 day' AND status = 'failed')::int
              AS "failedRecently",
            f.kind AS "failedKind", f.finished_at AS "failedAt",
            (SELECT count(*) FROM login_log WHERE at >= $1::timestamptz
               AND result IN ('bad_password', 'unknown_user', 'locked', 'inactive'))::int AS "failedLoginsToday",
            coalesce((SELECT max(id) FROM audit_log), 0)::bigint AS "auditHeadId",
            cp.at AS "checkpointAt", cp.row_count AS "checkpointRows"
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT kind, finished_at FROM jobs WHERE created_at > now() - interval '1 day'
                           AND status = 'failed' ORDER BY created_at DESC, id DESC LIMIT 1) f ON true
       LEFT JOIN LATERAL (SELECT at, row_count FROM audit_checkpoints ORDER BY audit_id DESC, id DESC LIMIT 1) cp ON true`,
    [todayStart],
  );
  return row!;
}
