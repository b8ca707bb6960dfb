import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 零售药店 (ph = pharmacies): it lies in its station; under `self` it is the caller's own when they registered it.
 * Its pharmacists, shifts, attendance days and GSP inspections are exactly as readable as the pharmacy: the repos
 * always join ph and take this kind's predicate.
 */
export const pharmacyKind = defineResource({
  name: 'pharmacy',
  label: '零售药店',
  read: 'drug:read',
  write: 'drug:write',
  unitColumn: 'ph.station_id',
  selfColumns: ['ph.created_by'],
});

export const pharmacyReach = (p: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: p.stationId,
  userIds: [p.createdBy],
});
