import { z } from './zod.ts';

/**
 * 智慧大脑 (the leader's big screen): figures read from the rollup `screen_figures` that the job screen.refresh
 * writes; the request never scans a business table. Each module contributes its keys (src/modules/<m>/screen.ts).
 */
const ZMonthCount = z.object({ month: z.string(), n: z.number() });
const ZDayCount = z.object({ day: z.string(), n: z.number() });

export const ZScreenFigures = z.object({
  entities: z
    .object({
      total: z.number(),
      active: z.number(),
      byType: z.record(z.string(), z.number()),
      newThisMonth: z.number(),
      /** New registrations (established_on) per month, the last 12 months, oldest first. */
      monthly: z.array(ZMonthCount),
    })
    .optional(),
  complaints: z
    .object({
      today: z.number(),
      thisMonth: z.number(),
      /** The same month a year ago up to the same day, for the year-on-year change. */
      sameMonthLastYear: z.number(),
      thisYear: z.number(),
      /** Items received per day, the last 30 days, oldest first. */
      daily: z.array(ZDayCount),
      /** Items with at least one legal clock past its due date and not met. */
      overdue: z.number(),
      recoveredFenThisYear: z.number(),
      /** The most frequent categories of the last 30 days. */
      hotTopics: z.array(z.object({ code: z.string(), name: z.string(), n: z.number() })),
    })
    .optional(),
  credit: z
    .object({
      classes: z.object({ A: z.number(), B: z.number(), C: z.number(), D: z.number() }),
      abnormalListed: z.number(),
    })
    .optional(),
  spotChecks: z
    .object({
      /** Visits inspected this year (results entered), those with a problem, and the share in per cent. */
      inspected: z.number(),
      withProblem: z.number(),
      problemRate: z.number(),
      /** Drawn visits still waiting for their results. */
      assigned: z.number(),
    })
    .optional(),
  cases: z
    .object({
      filedThisYear: z.number(),
      closedThisYear: z.number(),
      open: z.number(),
      penaltiesThisYear: z.number(),
      finesFenThisYear: z.number(),
    })
    .optional(),
});
export type TScreenFigures = z.infer<typeof ZScreenFigures>;

/** One station on the map: its id, name and the figures a tooltip shows. */
export const ZScreenStation = z.object({
  unitId: z.number().int(),
  code: z.string(),
  name: z.string(),
  entities: z.number(),
  complaintsThisMonth: z.number(),
  overdue: z.number(),
  casesThisYear: z.number(),
});

export const ZScreen = z.object({
  /** null: the whole district; else the station the figures are for. */
  unitId: z.number().int().nullable(),
  figures: ZScreenFigures,
  stations: z.array(ZScreenStation),
  /** When the rollup was computed (null before the first refresh). */
  computedAt: z.string().nullable(),
  today: z.string(),
});
export type TScreen = z.infer<typeof ZScreen>;
export type TScreenStation = z.infer<typeof ZScreenStation>;

export const ZScreenQuery = z.object({
  /** A station's own figures; absent: the district. */
  unitId: z.coerce.number().int().positive().optional(),
});
