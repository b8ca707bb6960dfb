import type { TGspInspection, TPharmacist, TPharmacySummary } from '../../contracts/pharmacies.ts';
import { attendanceRate } from '../../domain/pharmacy.ts';
import type { GspRecord } from './repos/gsp.ts';
import type { PharmacistRecord, PharmacyRecord } from './repos/pharmacies.ts';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);
const iso = (t: string | Date | null) => (t === null ? null : new Date(t).toISOString());

export const toPharmacySummary = (r: PharmacyRecord, today: string): TPharmacySummary => ({
  id: r.id,
  entityId: r.entityId,
  entityName: r.entityName,
  uscc: r.uscc,
  address: r.address,
  stationId: r.stationId,
  stationName: r.stationName,
  licenceNo: r.licenceNo,
  licenceIssuedOn: r.licenceIssuedOn,
  licenceValidUntil: r.licenceValidUntil,
  licenceDaysLeft: daysBetween(today, r.licenceValidUntil),
  status: r.status,
  pharmacists: r.pharmacists,
  rate30: attendanceRate(r.covered30, r.open30),
});

export const toPharmacist = (r: PharmacistRecord): TPharmacist => ({
  ...r,
  dutyWeekdays: r.dutyWeekdays.map(Number),
  tokenIssuedAt: iso(r.tokenIssuedAt),
});

export const toGsp = (r: GspRecord): TGspInspection => ({
  id: r.id,
  pharmacyId: r.pharmacyId,
  visitId: r.visitId,
  status: r.status,
  result: r.result,
  findings: r.findings,
  inspectedOn: r.inspectedOn,
  inspectors: r.inspectors,
  visitStatus: r.visitStatus,
  version: r.version,
  createdAt: iso(r.createdAt)!,
});
