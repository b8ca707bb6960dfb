import { z } from './zod.ts';

/**
 * 省级汇总 (issue 15 point 6): per subscribed city, figures read from the roll-up (PostgreSQL logical replication
 * of the cities' published tables, no personal data). `configured` is false on a database that subscribes to none.
 */
export const ZRollupCity = z.object({
  cityCode: z.string(),
  name: z.string(),
  entities: z.number(),
  activeEntities: z.number(),
  abnormalListed: z.number(),
  spotCheckVisits: z.number(),
  /** Visits inspected or published. */
  spotCheckInspected: z.number(),
  /** Inspected visits with at least one problem result. */
  spotCheckProblemVisits: z.number(),
  complaints: z.number(),
  cases: z.number(),
  finesFen: z.number(),
  /** Entities per credit risk class. */
  riskA: z.number(),
  riskB: z.number(),
  riskC: z.number(),
  riskD: z.number(),
  /** Why this city's figures may be incomplete (another schema version, replica not answering); null when fine. */
  problem: z.string().nullable(),
});

export const ZRollupRegions = z.object({
  configured: z.boolean(),
  cities: z.array(ZRollupCity),
});

export const ZRollupMonthsQuery = z.object({
  months: z.coerce.number().int().min(1).max(24).default(12),
});

/** 12315 items received per month and city; `counts[i]` belongs to `months[i]`. */
export const ZRollupComplaintMonths = z.object({
  configured: z.boolean(),
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  cities: z.array(
    z.object({
      cityCode: z.string(),
      name: z.string(),
      counts: z.array(z.number().int()),
      problem: z.string().nullable(),
    }),
  ),
});

export type TRollupCity = z.infer<typeof ZRollupCity>;
export type TRollupRegions = z.infer<typeof ZRollupRegions>;
export type TRollupComplaintMonths = z.infer<typeof ZRollupComplaintMonths>;

/** The counts of a city row, in the page's column order: what the totals row sums. */
export const ROLLUP_COUNTS = [
  'entities',
  'activeEntities',
  'abnormalListed',
  'spotCheckVisits',
  'spotCheckInspected',
  'spotCheckProblemVisits',
  'riskA',
  'riskB',
  'riskC',
  'riskD',
  'complaints',
  'cases',
  'finesFen',
] as const satisfies readonly (keyof TRollupCity)[];
export type TRollupCount = (typeof ROLLUP_COUNTS)[number];

/** The totals row of the province page and its export: every count summed over the cities. */
export function rollupTotals(cities: readonly TRollupCity[]): Record<TRollupCount, number> {
  const total = Object.fromEntries(ROLLUP_COUNTS.map((k) => [k, 0])) as Record<TRollupCount, number>;
  for (const c of cities) for (const k of ROLLUP_COUNTS) total[k] += c[k];
  return total;
}
