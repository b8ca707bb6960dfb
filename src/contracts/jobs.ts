import { ZTimestamp } from './common.ts';
import { z } from './zod.ts';

export const jobStatuses = {
  queued: '排队中',
  running: '运行中',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
} as const;
export const ZJobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

export const ZJob = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: ZJobStatus,
  attempts: z.number().int(),
  progressDone: z.number(),
  progressTotal: z.number().nullable(),
  message: z.string().nullable(),
  result: z.unknown(),
  error: z.string().nullable(),
  createdBy: z.number().int().nullable(),
  createdAt: ZTimestamp,
  startedAt: ZTimestamp.nullable(),
  finishedAt: ZTimestamp.nullable(),
});

export const ZJobListQuery = z.object({
  status: ZJobStatus.optional(),
  kind: z.string().trim().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export type TJob = z.infer<typeof ZJob>;
