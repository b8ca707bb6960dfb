import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A registered market entity: owned by its station; under `self` the caller's own are those they registered.
 * Imports and exports use the same predicate as the list. Public: every entity's registration facts (企业信息公示
 * 暂行条例), read only through entities/public.ts, which leaves out personal data.
 */
export const entityResource = defineResource({
  name: 'entity',
  label: '市场主体',
  read: 'entity:read',
  write: 'entity:write',
  unitColumn: 'e.station_id',
  selfColumns: ['e.created_by'],
  publicRows: 'true',
});

export const entityReach = (row: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: row.stationId,
  userIds: [row.createdBy],
});
