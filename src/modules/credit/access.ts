import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * The credit module's resource kinds (see platform/access.ts for what the scopes mean). The SQL aliases are the
 * ones the credit repos use: b = credit_listing_batches, l = credit_listings (lb = the batch that proposed it),
 * r = credit_repairs. An entity's credit (its page, its annual reports, the entities a batch proposes, the class
 * distribution) follows the entity's own readability: the entities module's 'entity' kind (e.station_id; self:
 * e.created_by).
 */

/** 拟列入批次: owned by the unit it was proposed for; `self`: the batches the caller proposed. */
export const batchKind = defineResource({
  name: 'credit-batch',
  label: '拟列入批次',
  read: 'credit:read',
  write: 'credit:write',
  unitColumn: 'b.owner_unit_id',
  selfColumns: ['b.proposed_by'],
});
export const batchReach = (b: { ownerUnitId: number; proposedBy: number | null }): RowReach => ({
  unitId: b.ownerUnitId,
  userIds: [b.proposedBy],
});

/**
 * 名录记录: owned by the entity's station at listing time; `self`: the listings of a batch the caller proposed.
 * Public (the 公示 portal, 企业信息公示暂行条例): a listing in force and a removal, never a mere proposal.
 */
export const listingKind = defineResource({
  name: 'credit-listing',
  label: '名录记录',
  read: 'credit:read',
  write: 'credit:write',
  unitColumn: 'l.station_id',
  selfColumns: ['lb.proposed_by'],
  publicRows: "l.status IN ('listed', 'removed')",
});
export const listingReach = (l: { stationId: number; proposedBy: number | null }): RowReach => ({
  unitId: l.stationId,
  userIds: [l.proposedBy],
});

/** 信用修复申请: owned by the listing's station; `self`: the applications the caller registered. */
export const repairKind = defineResource({
  name: 'credit-repair',
  label: '信用修复申请',
  read: 'credit:read',
  write: 'credit:write',
  unitColumn: 'r.station_id',
  selfColumns: ['r.created_by'],
});
export const repairReach = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});
