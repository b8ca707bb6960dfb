import { defineResource } from '../../platform/access.ts';

/** 电梯使用标志 (ep = equipment_plates): in the station of the lift (copied when issued); verified publicly by QR. */
export const equipmentPlateKind = defineResource({
  name: 'equipment-plate',
  label: '电梯使用标志',
  read: 'equipment:read',
  write: 'equipment:write',
  unitColumn: 'ep.station_id',
  selfColumns: ['ep.created_by'],
});
