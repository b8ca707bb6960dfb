import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * The 12315 module's resource kinds (src/platform/access.ts decides every reach from these).
 * An item belongs to the station handling it; under `self` it is the caller's own when they handle it or
 * registered it. Its attachments are exactly as readable as the item itself. Consumer alerts belong to the
 * station of the business they are about (a district-wide alert has no station: district-wide roles only).
 * Nothing here is public: the portal answers only to a tracking code with the phone's last digits.
 */
export const complaintKind = defineResource({
  name: 'complaint',
  label: '投诉举报事项',
  read: 'complaint:read',
  write: 'complaint:write',
  unitColumn: 'c.station_id',
  selfColumns: ['c.handler_id', 'c.created_by'],
});

export const complaintAttachmentKind = defineResource({
  name: 'complaint-attachment',
  label: '附件',
  read: 'complaint:read',
  write: 'complaint:write',
  unitColumn: 'c.station_id',
  selfColumns: ['c.handler_id', 'c.created_by'],
});

export const complaintAlertKind = defineResource({
  name: 'complaint-alert',
  label: '消费预警',
  read: 'complaint:read',
  write: null,
  unitColumn: 'a.station_id',
  selfColumns: [],
});

/** The TypeScript twin of the complaint kind's columns, for a loaded item. */
export const complaintReach = (row: {
  stationId: number;
  handlerId: number | null;
  createdBy: number | null;
}): RowReach => ({ unitId: row.stationId, userIds: [row.handlerId, row.createdBy] });
