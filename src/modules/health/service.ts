import type { TSystemSummary } from '../../contracts/system.ts';
import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { chainHeadAndCheckpoint } from '../audit/published.ts';
import { failedLoginsSince } from '../auth/published.ts';
import { jobFigures } from '../jobs/published.ts';
import { databaseSize, ping } from './repo.ts';

export function createHealthService(db: Db, opts: { now?: () => Date } = {}) {
  return {
    /** Answers only when the database does; names which kind of database serves. */
    async check(): Promise<{ status: 'ok'; database: Db['kind'] }> {
      await ping(db);
      return { status: 'ok', database: db.kind };
    },

    /** The administrator's home card: database size, jobs, failed sign-ins today, the audit chain's newest checkpoint. */
    async summary(): Promise<TSystemSummary> {
      const today = shanghaiToday(opts.now?.() ?? new Date());
      // Each figure from the module that owns its table, through that module's published.ts.
      const [sizeBytes, jobs, failedLoginsToday, audit] = await Promise.all([
        databaseSize(db),
        jobFigures(db),
        failedLoginsSince(db, `${today}T00:00:00+08:00`),
        chainHeadAndCheckpoint(db),
      ]);
      return {
        database: { kind: db.kind, sizeBytes },
        jobs: {
          queued: jobs.queued,
          running: jobs.running,
          failedRecently: jobs.failedRecently,
          lastFailure: jobs.failedKind ? { kind: jobs.failedKind, at: jobs.failedAt } : null,
        },
        failedLoginsToday,
        audit: {
          headId: Number(audit.headId),
          newestCheckpoint: audit.checkpointAt
            ? { at: audit.checkpointAt, rowCount: Number(audit.checkpointRows) }
            : null,
        },
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
