import type { JobDefinition } from '../jobs/definition.ts';
import type { AuditCheckpoints } from './checkpoints.ts';

/** One kind, two schedules: every minute it writes once AUDIT_CHECKPOINT_EVERY rows are new; daily, always. */
export const auditJobs = (checkpoints: Pick<AuditCheckpoints, 'write'>): JobDefinition[] => [
  {
    kind: 'audit.checkpoint',
    run: (ctx) => checkpoints.write({ force: (ctx.payload as { force?: unknown } | null)?.force === true }),
    schedules: [
      { everySeconds: 60 },
      { name: 'audit.checkpoint.daily', everySeconds: 86_400, payload: { force: true } },
    ],
  },
];
