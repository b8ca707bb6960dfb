import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A cosmetics or medical-device business belongs to the station of its registry entity; its adverse-event reports
 * are exactly as reachable as it is (the repos join cd_businesses and take this kind's predicate).
 */
export const cdBusinessKind = defineResource({
  name: 'cd-business',
  label: '两品一械经营者',
  read: 'drug:read',
  write: 'drug:write',
  unitColumn: 'b.station_id',
  selfColumns: ['b.created_by'],
});

export const cdBusinessReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});
