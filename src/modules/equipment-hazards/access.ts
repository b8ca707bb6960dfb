import { defineResource, type RowReach } from '../../platform/access.ts';
import { drawnInspectorOfSupervision } from './repos/participants.ts';

/**
 * 特种设备隐患 (eh = equipment_hazards) and 安全监察指令书 (ed = equipment_directives): in the station of the equipment
 * (copied when recorded); under `self` the caller's own when they recorded them. Events follow their order.
 */
export const equipmentHazardKind = defineResource({
  name: 'equipment-hazard',
  label: '特种设备隐患',
  read: 'equipment:read',
  write: 'equipment:write',
  unitColumn: 'eh.station_id',
  selfColumns: ['eh.created_by'],
});
export const equipmentDirectiveKind = defineResource({
  name: 'equipment-directive',
  label: '安全监察指令书',
  read: 'equipment:read',
  write: 'equipment:write',
  unitColumn: 'ed.station_id',
  selfColumns: ['ed.created_by'],
});
export const stationRowReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});

/**
 * 特种设备监督检查 (es = equipment_supervisions) on the visit engine: in the entity's station; under `self` the
 * scheduler's own; and, wherever they lie, those whose visit drew the caller (an inspector of another station).
 */
export const equipmentSupervisionKind = defineResource({
  name: 'equipment-supervision',
  label: '特种设备监督检查',
  read: 'equipment:read',
  write: 'equipment:write',
  unitColumn: 'es.station_id',
  selfColumns: ['es.created_by'],
  participant: drawnInspectorOfSupervision,
});
export const supervisionReach =
  (userId: number) =>
  (r: { stationId: number; createdBy: number | null; inspectors: readonly { userId: number | null }[] }): RowReach => ({
    unitId: r.stationId,
    userIds: [r.createdBy],
    participant: r.inspectors.some((i) => i.userId !== null && i.userId === userId),
  });
