import { defineResource, type RowReach, unitsInReach } from '../../platform/access.ts';

/**
 * 红黑榜 (hl = food_honour_lists): a station's list; staff with food:read read it in scope, food:write drafts it,
 * and approving, removing entries and publishing also need food:approve (the chief). The public sees published
 * lists only.
 */
export const honourListKind = defineResource({
  name: 'food-honour-list',
  label: '红黑榜',
  read: 'food:read',
  write: 'food:write',
  unitColumn: 'hl.station_id',
  selfColumns: ['hl.drafted_by'],
  publicRows: "hl.status = 'published'",
});

export const honourListReach = (l: { stationId: number; draftedBy: number | null }): RowReach => ({
  unitId: l.stationId,
  userIds: [l.draftedBy],
});

/** The stations whose 红黑榜 a caller oversees (the month's status board and the inbox); null: every station. */
export const honourStationReach = unitsInReach;
