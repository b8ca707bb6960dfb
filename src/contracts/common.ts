import { z } from './zod.ts';

export const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZIdParams = z.object({ id: ZId });
/** YYYY-MM-DD, the shape of every date in the contracts. */
export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the string is a real calendar day in YYYY-MM-DD, by arithmetic (imports check millions of them). */
export function isCalendarDay(s: string): boolean {
  if (!ISO_DAY.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!);
}

export const ZIsoDate = z.string().regex(ISO_DAY, '日期格式应为 YYYY-MM-DD').refine(isCalendarDay, '不是有效的日期');
export const ZTimestamp = z.string();
export const ZVersion = z.number().int().positive();

export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
});

/** Keyset page: `cursor` is opaque to clients. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().optional() });
}

export const ZOk = z.object({ ok: z.literal(true) });

export type TProblem = z.infer<typeof ZProblem>;
