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
  complaints: z.number(),
  cases: z.number(),
  finesFen: z.number(),
  /** Why this city's figures may be incomplete (another schema version, replica not answering); null when fine. */
  problem: z.string().nullable(),
});

export const ZRollupRegions = z.object({
  configured: z.boolean(),
  cities: z.array(ZRollupCity),
});

export type TRollupRegions = z.infer<typeof ZRollupRegions>;
