import type { TKitchenAlert, TKitchenEnrollment, TKitchenVendor } from '../../contracts/food-kitchen.ts';
import type { KitchenArea, KitchenEventType } from '../../domain/kitchen-alerts.ts';
import type { AlertRow } from './repos/alerts.ts';
import type { EnrollmentRow } from './repos/enrollments.ts';
import type { VendorRow } from './repos/vendors.ts';

export const toVendor = (v: VendorRow): TKitchenVendor => ({
  id: v.id,
  code: v.code,
  name: v.name,
  active: v.active,
  secretRotatedAt: v.secretRotatedAt,
  enrolled: v.enrolled,
  version: v.version,
});

export const toEnrollment = (r: EnrollmentRow): TKitchenEnrollment => ({
  id: r.id,
  businessId: r.businessId,
  entityName: r.entityName,
  stationName: r.stationName,
  vendorId: r.vendorId,
  vendorName: r.vendorName,
  enrolledOn: r.enrolledOn,
  endedOn: r.endedOn,
  cameras: r.cameras.map((c) => ({ cameraId: c.cameraId, area: c.area as KitchenArea })),
  openAlerts: r.openAlerts,
  version: r.version,
});

export const toAlert = (r: AlertRow): TKitchenAlert => ({
  id: r.id,
  businessId: r.businessId,
  entityName: r.entityName,
  stationName: r.stationName,
  vendorName: r.vendorName,
  cameraId: r.cameraId,
  area: r.area,
  eventType: r.eventType as KitchenEventType,
  firstSeenAt: r.firstSeenAt,
  lastSeenAt: r.lastSeenAt,
  count: r.count,
  maxConfidence: Number(r.maxConfidence),
  hasSnapshot: r.snapshotFileId !== null,
  status: r.status,
  note: r.note,
  handledByName: r.handledByName,
  handledAt: r.handledAt,
  version: r.version,
});

/** Alerts and enrollments are exactly as reachable as their food business. */
export const businessReachOf = (r: { stationId: number; createdBy: number | null; inspectorId: number | null }) => ({
  unitId: r.stationId,
  userIds: [r.createdBy, r.inspectorId],
});
