import type { Db } from '../db/client.ts';
import { createAuditService } from '../modules/audit/service.ts';
import { deleteIdleSessions } from '../modules/auth/repo.ts';
import { createAuthService } from '../modules/auth/service.ts';
import { createCalendarService } from '../modules/calendar/service.ts';
import { createEntityService } from '../modules/entities/service.ts';
import { createJobRunner } from '../modules/jobs/runner.ts';
import { createJobService } from '../modules/jobs/service.ts';
import { createOrgService } from '../modules/org/service.ts';
import type { TConfig } from './config.ts';
import { createPiiCipher, resolveSecret } from './pii.ts';

/** The one place where real dependencies are wired together. */
export function createServices(db: Db, config: TConfig) {
  const jobRunner = createJobRunner(db, { pollMs: config.JOB_POLL_MS });
  jobRunner.register('sessions.cleanup', async () => ({
    deleted: await deleteIdleSessions(db, config.SESSION_IDLE_MINUTES),
  }));
  const pii = createPiiCipher(resolveSecret(config));
  return {
    db,
    pii,
    entities: createEntityService(db, { pii }),
    auth: createAuthService(db, config),
    org: createOrgService(db),
    audit: createAuditService(db),
    calendar: createCalendarService(db),
    jobs: createJobService(db),
    jobRunner,
  };
}

export type Services = ReturnType<typeof createServices>;
