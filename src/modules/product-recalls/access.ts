import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * 缺陷产品召回 (pr = product_recalls): owned by the producer's station or the district; under `self` the recalls the
 * caller recorded. Its reports and events follow it. Published recalls are public (the portal's 召回信息).
 */
export const productRecallKind = defineResource({
  name: 'product-recall',
  label: '缺陷产品召回',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'pr.station_id',
  selfColumns: ['pr.created_by'],
  publicRows: 'pr.published_on IS NOT NULL',
});
export const productRecallReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});

/**
 * 风险通报匹配 (pam = product_alert_matches): an imported alert's match against a registered entity, owned by the
 * entity's station; under `self` the matches the caller decided.
 */
export const productAlertMatchKind = defineResource({
  name: 'product-alert-match',
  label: '风险通报匹配',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'pam.station_id',
  selfColumns: ['pam.decided_by'],
});
export const productAlertMatchReach = (m: { stationId: number; decidedBy: number | null }): RowReach => ({
  unitId: m.stationId,
  userIds: [m.decidedBy],
});
