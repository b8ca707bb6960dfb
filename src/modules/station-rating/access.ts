import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 监管所等级评定: a rating is owned by the station it rates (r = station_ratings), so a station chief
 * (unit_and_below) reaches their own station's ratings and a leader or admin (all) every station's; under `self`
 * the ratings the caller started or submitted. Review (rating:review) and the checklist (rating:settings) are
 * permissions on top of this reach.
 */
export const stationRatingKind = defineResource({
  name: 'station-rating',
  label: '监管所等级评定',
  read: 'rating:read',
  write: 'rating:write',
  unitColumn: 'r.station_id',
  selfColumns: ['r.created_by', 'r.submitted_by'],
});

export const stationRatingReach = (r: {
  stationId: number;
  createdBy: number | null;
  submittedBy: number | null;
}): RowReach => ({ unitId: r.stationId, userIds: [r.createdBy, r.submittedBy] });
