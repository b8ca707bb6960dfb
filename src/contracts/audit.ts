import { ZId, ZTimestamp } from './common.ts';
import { z } from './zod.ts';

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: ZTimestamp,
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  detail: z.unknown(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const ZAuditQuery = z.object({
  actorId: ZId.optional(),
  unitId: ZId.optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A keyed checkpoint of the chain head (docs/AUDIT.md). */
export const ZAuditCheckpoint = z.object({
  id: z.number().int(),
  auditId: z.number().int(),
  rowCount: z.number().int(),
  at: ZTimestamp,
});

export const ZAuditVerify = z.object({
  /** Both hold: the chain links up to its head, and every checkpoint is genuine and still matches the chain. */
  ok: z.boolean(),
  /** Rows that verified before the first broken one (all rows when the chain is intact). */
  checked: z.number().int(),
  head: z.object({ id: z.number().int(), hash: z.string(), rows: z.number().int() }).nullable(),
  firstBroken: z
    .object({ id: z.number().int(), reason: z.string(), expectedHash: z.string(), storedHash: z.string() })
    .nullable(),
  checkpoints: z.object({
    ok: z.boolean(),
    checked: z.number().int(),
    newest: ZAuditCheckpoint.nullable(),
    /** Rows after the newest genuine checkpoint: changes to these cannot be detected yet. */
    uncovered: z.number().int(),
    /** In chain order, the first 20; `problemCount` has them all. */
    problems: z.array(z.object({ checkpointId: z.number().int(), auditId: z.number().int(), reason: z.string() })),
    problemCount: z.number().int(),
  }),
  /** Not proof of tampering, but worth a look (no checkpoint yet, the newest one is old). */
  warnings: z.array(z.string()),
});

export const ZLoginLogEntry = z.object({
  id: z.number().int(),
  at: ZTimestamp,
  username: z.string(),
  userId: z.number().int().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  result: z.string(),
});
export const ZLoginLogQuery = z.object({
  username: z.string().trim().max(64).optional(),
  result: z.string().trim().max(32).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type TAuditEntry = z.infer<typeof ZAuditEntry>;
export type TAuditVerify = z.infer<typeof ZAuditVerify>;
