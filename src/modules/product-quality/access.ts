import { defineResource, type RowReach } from '../../platform/access.ts';

/** 产品抽查样品 (ps = product_samples): in the station of the entity sampled; under `self` the caller's own. */
export const productSampleKind = defineResource({
  name: 'product-sample',
  label: '产品抽查样品',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'ps.station_id',
  selfColumns: ['ps.created_by'],
});
/** 产品抽查计划 (psp = product_sampling_plans). */
export const productPlanKind = defineResource({
  name: 'product-sampling-plan',
  label: '产品抽查计划',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'psp.station_id',
  selfColumns: ['psp.created_by'],
});
/** 3C 证书 (cc = ccc_certificates), in the holder's station. */
export const cccCertificateKind = defineResource({
  name: 'ccc-certificate',
  label: '3C 证书',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'cc.station_id',
  selfColumns: ['cc.created_by'],
});
/** 免办3C 批准 (ce = ccc_exemptions) with its after-check. */
export const cccExemptionKind = defineResource({
  name: 'ccc-exemption',
  label: '免办3C',
  read: 'product:read',
  write: 'product:write',
  unitColumn: 'ce.station_id',
  selfColumns: ['ce.created_by'],
});
export const reachOf = (r: { stationId: number; createdBy: number | null }): RowReach => ({
  unitId: r.stationId,
  userIds: [r.createdBy],
});
