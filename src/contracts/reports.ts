import { ZIsoDate } from './common.ts';
import { z } from './zod.ts';

/**
 * 工作总结 (annual work report): every module's figures for a period and a unit, each beside its value for the same
 * period a year earlier, the query it came from, a narrative built from templates, and the same as PDF and DOCX.
 */
export const ZWorkReportQuery = z
  .object({
    from: ZIsoDate,
    to: ZIsoDate,
    /** The unit reported on (with the units below it); absent: the caller's whole reach. */
    unitId: z.coerce.number().int().positive().optional(),
  })
  .refine((q) => q.from <= q.to, { message: '结束日期不能早于开始日期', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: '统计期间不能超过一年',
    path: ['to'],
  });
export type TWorkReportQuery = z.infer<typeof ZWorkReportQuery>;

/** How a figure is counted and shown: a count, money in fen, a percentage (0–100, one decimal). */
export const reportFigureUnits = ['count', 'fen', 'percent'] as const;

export const ZReportFigure = z.object({
  /** Stable key, `<module>.<name>`, e.g. 'entities.new'. */
  key: z.string(),
  module: z.string(),
  /** Chinese label, e.g. '新增市场主体'. */
  label: z.string(),
  /** The noun a count is of, e.g. '户', '件' (empty for money and percentages). */
  measure: z.string(),
  unit: z.enum(reportFigureUnits),
  /** null: not defined for the period (a rate without any item to divide by). */
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** Year-on-year change in percent (one decimal); null when the earlier value is 0 or undefined. */
  change: z.number().nullable(),
  /** The query the figure came from (SQL with its parameters named), for the appendix. */
  query: z.string(),
});
export type TReportFigure = z.infer<typeof ZReportFigure>;

export const ZWorkReport = z.object({
  unit: z.object({ id: z.number().int().nullable(), name: z.string() }),
  from: ZIsoDate,
  to: ZIsoDate,
  /** The same period a year earlier. */
  previousFrom: ZIsoDate,
  previousTo: ZIsoDate,
  generatedAt: z.string(),
  figures: z.array(ZReportFigure),
  /** The narrative, one paragraph per module, built from templates over the figures only. */
  narrative: z.array(z.object({ heading: z.string(), text: z.string() })),
});
export type TWorkReport = z.infer<typeof ZWorkReport>;
