import { canPlaceIn } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { toHalfWidth } from './values.ts';

export interface OrgUnitRef {
  id: number;
  code: string;
  kind: string;
  path: string;
  active: boolean;
  regionCodes: string[];
}

/** All org units, loaded once per import: a few hundred rows at most, so each row resolves in memory. */
export interface StationDirectory {
  byCode: Map<string, OrgUnitRef>;
  stations: OrgUnitRef[];
}

export function stationDirectory(units: OrgUnitRef[]): StationDirectory {
  return {
    byCode: new Map(units.map((u) => [u.code.toLowerCase(), u])),
    stations: units.filter((u) => u.kind === 'station' && u.active),
  };
}

export type StationResolution =
  | { ok: true; stationId: number }
  | { ok: false; field: 'stationCode' | 'regionCode'; reason: string };

/** The one active station whose township codes (9+ digits) prefix the region code; as repo.stationForRegion. */
function stationForRegion(dir: StationDirectory, regionCode: string): OrgUnitRef | undefined {
  const matches = dir.stations.filter((s) => s.regionCodes.some((rc) => rc.length >= 9 && regionCode.startsWith(rc)));
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Same order as the single-entity form: the 管辖所编码, else the station covering the region code, else the
 * caller's own station. The station must exist, be a station, be active and lie within the caller's data scope.
 */
export function resolveStation(
  dir: StationDirectory,
  actor: Actor,
  stationCode: string | undefined,
  regionCode: string | undefined,
): StationResolution {
  if (stationCode) {
    const unit = dir.byCode.get(toHalfWidth(stationCode).trim().toLowerCase());
    if (!unit) return { ok: false, field: 'stationCode', reason: `管辖所编码“${stationCode}”不存在` };
    if (unit.kind !== 'station') return { ok: false, field: 'stationCode', reason: '该编码不是市场监管所' };
    if (!unit.active) return { ok: false, field: 'stationCode', reason: '该管辖所已停用' };
    return reachable(actor, unit, 'stationCode');
  }
  const byRegion = regionCode ? stationForRegion(dir, regionCode) : undefined;
  if (byRegion) return reachable(actor, byRegion, 'regionCode');
  if (actor.unitKind === 'station') return { ok: true, stationId: actor.unitId };
  return {
    ok: false,
    field: regionCode ? 'regionCode' : 'stationCode',
    reason: '请填写管辖所编码（无法从行政区划代码确定管辖所）',
  };
}

function reachable(actor: Actor, unit: OrgUnitRef, field: 'stationCode' | 'regionCode'): StationResolution {
  if (!canPlaceIn(actor, unit.id)) {
    return { ok: false, field, reason: '不能导入到本单位及下级以外的管辖所' };
  }
  return { ok: true, stationId: unit.id };
}
