import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { listCities } from '../repos/province-repo.ts';
import { complaintsByMonth, type RegionFigures, regionFigures } from '../repos/regions-repo.ts';
import { type CityCheck, checkRollup } from './boot-check.ts';

export interface RollupRegions {
  configured: boolean;
  cities: Array<RegionFigures & { name: string; problem: string | null }>;
}

export interface RollupComplaintMonths {
  configured: boolean;
  /** The months asked for, oldest first (YYYY-MM), in Asia/Shanghai. */
  months: string[];
  /** Per city, one count per month in `months` (0 when none). */
  cities: Array<{ cityCode: string; name: string; counts: number[]; problem: string | null }>;
}

/** The `count` months ending with the current one (Asia/Shanghai), oldest first. */
export function lastMonths(count: number, now: Date = new Date()): string[] {
  const [y, m] = shanghaiToday(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    const index = y * 12 + (m - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** The province leader's view: per city, the main figures and whether its schema version matches. */
export function createRollupService(db: Db, opts: { now?: () => Date } = {}) {
  /** The subscribed cities with their checks; null when this database subscribes to none (or is PGlite). */
  async function subscribed(): Promise<{
    cities: Awaited<ReturnType<typeof listCities>>;
    checks: Map<string, CityCheck>;
  } | null> {
    if (db.kind !== 'postgresql') return null;
    const cities = await listCities(db);
    if (!cities.length) return null;
    return { cities, checks: new Map((await checkRollup(db)).map((c) => [c.code, c])) };
  }
  const readableCodes = (s: NonNullable<Awaited<ReturnType<typeof subscribed>>>) =>
    s.cities.filter((c) => s.checks.get(c.code)?.readable).map((c) => c.code);

  return {
    async regions(): Promise<RollupRegions> {
      const s = await subscribed();
      if (!s) return { configured: false, cities: [] };
      const figures = new Map((await regionFigures(db, readableCodes(s))).map((f) => [f.cityCode, f]));
      return {
        configured: true,
        cities: s.cities.map((c) => ({
          ...(figures.get(c.code) ?? empty(c.code)),
          name: c.name,
          problem: s.checks.get(c.code)?.problem ?? null,
        })),
      };
    },

    /** 12315 items received per month over the last `months` months, per city. */
    async complaintMonths(months: number): Promise<RollupComplaintMonths> {
      const labels = lastMonths(months, opts.now?.());
      const s = await subscribed();
      if (!s) return { configured: false, months: labels, cities: [] };
      const rows = await complaintsByMonth(db, readableCodes(s), `${labels[0]}-01`);
      return {
        configured: true,
        months: labels,
        cities: s.cities.map((c) => {
          const mine = new Map(rows.filter((r) => r.cityCode === c.code).map((r) => [r.month, r.count]));
          return {
            cityCode: c.code,
            name: c.name,
            counts: labels.map((m) => mine.get(m) ?? 0),
            problem: s.checks.get(c.code)?.problem ?? null,
          };
        }),
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
  spotCheckInspected: 0,
  spotCheckProblemVisits: 0,
  complaints: 0,
  cases: 0,
  finesFen: 0,
  riskA: 0,
  riskB: 0,
  riskC: 0,
  riskD: 0,
});
