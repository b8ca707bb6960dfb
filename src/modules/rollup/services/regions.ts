import type { Db } from '../../../db/client.ts';
import { listCities } from '../repos/province-repo.ts';
import { type RegionFigures, regionFigures } from '../repos/regions-repo.ts';
import { checkRollup } from './boot-check.ts';

export interface RollupRegions {
  configured: boolean;
  cities: Array<RegionFigures & { name: string; problem: string | null }>;
}

/** The province leader's view: per city, the main figures and whether its schema version matches. */
export function createRollupService(db: Db) {
  return {
    async regions(): Promise<RollupRegions> {
      if (db.kind !== 'postgresql') return { configured: false, cities: [] };
      const cities = await listCities(db);
      if (!cities.length) return { configured: false, cities: [] };
      const checks = new Map((await checkRollup(db)).map((c) => [c.code, c]));
      const readable = cities.filter((c) => checks.get(c.code)?.readable);
      const figures = new Map(
        (
          await regionFigures(
            db,
            readable.map((c) => c.code),
          )
        ).map((f) => [f.cityCode, f]),
      );
      return {
        configured: true,
        cities: cities.map((c) => ({
          ...(figures.get(c.code) ?? empty(c.code)),
          name: c.name,
          problem: checks.get(c.code)?.problem ?? null,
        })),
      };
    },
  };
}

export type RollupService = ReturnType<typeof createRollupService>;

const empty = (cityCode: string): RegionFigures => ({
  cityCode,
  entities: 0,
  activeEntities: 0,
  abnormalListed: 0,
  spotCheckVisits: 0,
  complaints: 0,
  cases: 0,
  finesFen: 0,
});
