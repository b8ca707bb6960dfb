import type { Db } from '../../db/client.ts';
import type { JobDefinition } from '../jobs/definition.ts';
import { deleteIdleSessions } from './repo.ts';

export const authJobs = (db: Db, opts: { sessionIdleMinutes: number }): JobDefinition[] => [
  {
    kind: 'sessions.cleanup',
    run: async () => ({ deleted: await deleteIdleSessions(db, opts.sessionIdleMinutes) }),
    schedules: [{ everySeconds: 600 }],
  },
];
