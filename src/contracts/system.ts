import { ZTimestamp } from './common.ts';
import { z } from './zod.ts';

/** 系统运行状况 on the administrator's home page: cheap figures only (the full audit walk stays on /audit). */
export const ZSystemSummary = z.object({
  database: z.object({ kind: z.enum(['pglite', 'postgresql']), sizeBytes: z.number().int() }),
  jobs: z.object({
    queued: z.number().int(),
    running: z.number().int(),
    /** Failed in the last 24 hours, and the newest of them. */
    failedRecently: z.number().int(),
    lastFailure: z.object({ kind: z.string(), at: ZTimestamp.nullable() }).nullable(),
  }),
  /** Failed sign-ins since midnight (Asia/Shanghai): wrong password, unknown user, locked, inactive. */
  failedLoginsToday: z.number().int(),
  audit: z.object({
    /** The chain head's id (how far the log has grown). */
    headId: z.number().int(),
    /** The newest keyed checkpoint of the chain (its signature is checked by the full verification). */
    newestCheckpoint: z.object({ at: ZTimestamp, rowCount: z.number().int() }).nullable(),
  }),
});
export type TSystemSummary = z.infer<typeof ZSystemSummary>;
