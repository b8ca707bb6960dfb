import { ZIsoDate } from './common.ts';
import { z } from './zod.ts';

export const ZAddWorkingDaysQuery = z.object({
  from: ZIsoDate,
  days: z.coerce.number().int('天数必须是整数').min(0, '天数不能为负').max(3650, '天数不能超过3650'),
});
export const ZAddWorkingDaysResult = z.object({
  date: z.string(),
  provisional: z.boolean(),
  provisionalYears: z.array(z.number().int()),
});

export const ZDayRangeQuery = z
  .object({ from: ZIsoDate, to: ZIsoDate })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    message: '一次最多查询400天',
    path: ['to'],
  });
export const ZDayInfo = z.object({
  day: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']),
  name: z.string().nullable(),
  source: z.enum(['package', 'override', 'weekday-rule']),
  provisional: z.boolean(),
});

export const ZCalendarOverride = z.object({
  day: ZIsoDate,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1, '请输入名称，如“春节”或“春节调休上班”').max(50),
});
export const ZCalendarDayParams = z.object({ day: ZIsoDate });
export const ZConfirmYear = z.object({
  year: z.number().int().min(2000).max(2100),
  source: z.string().trim().min(1, '请注明依据，如国务院办公厅通知文号').max(200),
});

export const ZCalendarStatus = z.object({
  officialYears: z.array(z.number().int()),
  confirmedYears: z.array(z.object({ year: z.number().int(), source: z.string() })),
  warnings: z.array(z.string()),
});

export type TCalendarOverride = z.infer<typeof ZCalendarOverride>;
