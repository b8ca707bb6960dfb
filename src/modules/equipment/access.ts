import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 特种设备 (eq = equipment): it lies in its station (the user unit's station unless placed elsewhere); under `self` it
 * is the caller's own when they registered it. Its inspections and maintenance records follow it: the equipment repos
 * always join eq and take this kind's predicate.
 */
export const equipmentKind = defineResource({
  name: 'equipment',
  label: '特种设备',
  read: 'equipment:read',
  write: 'equipment:write',
  unitColumn: 'eq.station_id',
  selfColumns: ['eq.created_by'],
});

export const equipmentReach = (e: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: e.stationId,
  userIds: [e.createdBy],
});
