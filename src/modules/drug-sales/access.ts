import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A key-drug sale registration belongs to the station of the pharmacy (a registry entity) that registered it; under
 * `self` it is the caller's when they recorded or imported it.
 */
export const drugSaleKind = defineResource({
  name: 'drug-sale',
  label: '重点药品购药登记',
  read: 'drug:read',
  write: 'drug:write',
  unitColumn: 'r.station_id',
  selfColumns: ['r.created_by'],
});

/**
 * The same registrations with the buyer's name, ID number and phone in clear (GET …/personal, audited): the same
 * reach, but read only with drug:personal (the designated role), and never written through the API.
 */
export const drugSalePersonalKind = defineResource({
  name: 'drug-sale-personal',
  label: '购药人个人信息',
  read: 'drug:personal',
  write: null,
  unitColumn: drugSaleKind.unitColumn,
  selfColumns: drugSaleKind.selfColumns,
});

export const drugSaleReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});
