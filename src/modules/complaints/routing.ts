import type { Queryable } from '../../db/client.ts';
import type { EntityRef } from '../entities/directory.ts';
import * as repo from './repo.ts';

export interface RoutingResult {
  stationId: number;
  reason: string;
}

/**
 * Where an item goes at intake: the station that supervises the business; else the station whose
 * township code or name matches the region or address; else the 12315 centre to dispatch by hand.
 */
export async function routeItem(
  db: Queryable,
  input: { entity?: EntityRef; regionCode?: string; address?: string },
): Promise<RoutingResult> {
  if (input.entity) return { stationId: input.entity.stationId, reason: '按被投诉主体的管辖所' };
  const stations = await repo.stationsWithNames(db);
  if (input.regionCode && input.regionCode.length >= 9) {
    const byRegion = stations.filter((s) =>
      s.regionCodes.some((rc) => rc.length >= 9 && input.regionCode!.startsWith(rc)),
    );
    if (byRegion.length === 1) return { stationId: byRegion[0]!.id, reason: '按行政区划代码' };
  }
  if (input.address) {
    const byName = stations.filter((s) => input.address!.includes(s.name.replace(/市场监管所$/, '')));
    if (byName.length === 1) return { stationId: byName[0]!.id, reason: '按地址中的镇街名称' };
  }
  const centre = await repo.intakeUnit(db);
  if (centre === undefined) throw new Error('没有投诉举报中心，无法分派');
  return { stationId: centre, reason: '无法自动确定管辖所，由投诉举报中心人工分派' };
}
