import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A key-drug sale registration belongs to the station of the pharmacy (a registry entity) that registered it; under
 * `self` it is the caller's when they recorded or imported it. Personal data needs drug:personal on top (service).
 */
export const drugSaleKind = defineResource({
  name: 'drug-sale',
  label: '重点药品购药登记',
  read: 'drug:read',
  write: 'drug:write',
  unitColumn: 'r.station_id',
  selfColumns: ['r.created_by'],
});

export const drugSaleReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});
