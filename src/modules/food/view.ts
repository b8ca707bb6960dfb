import type { TFoodBusiness, TFoodLicence, THealthCertificate } from '../../contracts/food.ts';
import { maskStaffName } from '../../domain/food-licence.ts';
import type { Actor } from '../../platform/actor.ts';
import type { FoodBusinessRow } from './repos/businesses.ts';
import type { CertificateRow } from './repos/certificates.ts';
import type { LicenceRow } from './repos/licences.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

export const toLicence = (r: LicenceRow, today: string): TFoodLicence => ({
  id: r.id,
  businessId: r.businessId,
  entityId: r.entityId,
  entityName: r.entityName,
  uscc: r.uscc,
  stationName: r.stationName,
  kind: r.kind as TFoodLicence['kind'],
  licenceNo: r.licenceNo,
  categories: r.categories,
  issuedOn: r.issuedOn,
  validUntil: r.validUntil,
  renewalDueOn: r.renewalDueOn,
  status: r.status as TFoodLicence['status'],
  daysLeft: daysBetween(today, r.validUntil),
});

/** Staff names in full only for those who keep the records (food:write); masked for readers. */
export const toCertificate = (r: CertificateRow, today: string, actor: Actor): THealthCertificate => ({
  id: r.id,
  businessId: r.businessId,
  entityId: r.entityId,
  entityName: r.entityName,
  stationName: r.stationName,
  staffName: actor.permissions.has('food:write') ? r.staffName : maskStaffName(r.staffName),
  certificateNo: r.certificateNo,
  issuedOn: r.issuedOn,
  validUntil: r.validUntil,
  status: r.status,
  expired: r.validUntil < today,
  daysLeft: daysBetween(today, r.validUntil),
});

export const toBusiness = (r: FoodBusinessRow): TFoodBusiness => ({
  id: r.id,
  entityId: r.entityId,
  entityName: r.entityName,
  uscc: r.uscc,
  stationId: r.stationId,
  stationName: r.stationName,
  inspectorId: r.inspectorId,
  inspectorName: r.inspectorName,
  activeLicences: r.activeLicences,
  activeCertificates: r.activeCertificates,
  licenceNo: r.licenceNo,
  version: r.version,
});
