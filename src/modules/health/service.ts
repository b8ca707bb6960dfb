import type { TSystemSummary } from '../../contracts/system.ts';
import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { ping, systemFigures } from './repo.ts';

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
      const f = await systemFigures(db, `${today}T00:00:00+08:00`);
      return {
        database: { kind: db.kind, sizeBytes: Number(f.sizeBytes) },
        jobs: {
          queued: f.queued,
          running: f.running,
          failedRecently: f.failedRecently,
          lastFailure: f.failedKind ? { kind: f.failedKind, at: f.failedAt } : null,
        },
        failedLoginsToday: f.failedLoginsToday,
        audit: {
          headId: Number(f.auditHeadId),
          newestCheckpoint: f.checkpointAt ? { at: f.checkpointAt, rowCount: Number(f.checkpointRows) } : null,
        },
      };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
