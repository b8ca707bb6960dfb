import type { Queryable } from '../../../db/client.ts';
import type { EntityRef } from '../../entities/directory.ts';
import * as repo from '../repos/reference.ts';

export interface RoutingResult {
  stationId: number;
  reason: string;
}

export interface IntakeDirectory {
  stations: { id: number; name: string; regionCodes: string[] }[];
  centre: number | undefined;
  categories: Set<string>;
}

// Stations and categories change a few times a year, intake happens many times a second: every process keeps
// a copy for a few seconds (as the working-day calendar does) instead of reading them on every submission.
const CACHE_TTL_MS = 10_000;

export function createIntakeDirectory(db: Queryable) {
  let cached: { value: Promise<IntakeDirectory>; at: number } | undefined;
  async function load(): Promise<IntakeDirectory> {
    const [stations, centre, categories] = await Promise.all([
      repo.stationsWithNames(db),
      repo.intakeUnit(db),
      repo.listCategories(db),
    ]);
    return { stations, centre, categories: new Set(categories.map((c) => c.code)) };
  }
  return (): Promise<IntakeDirectory> => {
    if (!cached || Date.now() - cached.at > CACHE_TTL_MS) {
      const value = load();
      cached = { value, at: Date.now() };
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
}

/**
 * Where an item goes at intake: the station that supervises the business; else the station whose
 * township code or name matches the region or address; else the 12315 centre to dispatch by hand.
 */
export function routeItem(
  dir: IntakeDirectory,
  input: { entity?: EntityRef; regionCode?: string; address?: string },
): RoutingResult {
  const { stations } = dir;
  const named = (stationId: number, reason: string): RoutingResult => ({ stationId, reason });
  if (input.entity) return named(input.entity.stationId, '按被投诉主体的管辖所');
  if (input.regionCode && input.regionCode.length >= 9) {
    const byRegion = stations.filter((s) =>
      s.regionCodes.some((rc) => rc.length >= 9 && input.regionCode!.startsWith(rc)),
    );
    if (byRegion.length === 1) return named(byRegion[0]!.id, '按行政区划代码');
  }
  if (input.address) {
    const byName = stations.filter((s) => input.address!.includes(s.name.replace(/市场监管所$/, '')));
    if (byName.length === 1) return named(byName[0]!.id, '按地址中的镇街名称');
  }
  if (dir.centre === undefined) throw new Error('没有投诉举报中心，无法分派');
  return named(dir.centre, '无法自动确定管辖所，由投诉举报中心人工分派');
}
