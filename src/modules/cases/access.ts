import { defineResource, type RowReach } from '../../platform/access.ts';
import { officerOfCase, officerOfDisclosedCase } from './repos/participants.ts';

/**
 * The cases module's resource kinds (platform/access.ts decides every reach from these). SQL aliases used by the
 * case repos: l = case_leads, c = cases, d = case_disclosures. A lead and a case belong to the station that has
 * jurisdiction (管辖); under `self` a lead is the caller's when they registered it or verify it, a case when they
 * proposed it. A case officer (承办人) takes part in their cases wherever the case lies. A case's evidence,
 * documents, approvals and timeline are exactly as readable as the case.
 */
export const leadKind = defineResource({
  name: 'case-lead',
  label: '案件线索',
  read: 'case:read',
  write: 'case:write',
  unitColumn: 'l.station_id',
  selfColumns: ['l.created_by', 'l.assigned_to'],
});
export const leadReach = (l: { stationId: number; createdBy: number | null; assignedTo: number | null }): RowReach => ({
  unitId: l.stationId,
  userIds: [l.createdBy, l.assignedTo],
});

export const caseKind = defineResource({
  name: 'case',
  label: '行政处罚案件',
  read: 'case:read',
  write: 'case:write',
  unitColumn: 'c.station_id',
  selfColumns: ['c.created_by'],
  participant: officerOfCase,
});
export const caseReach = (c: { stationId: number; createdBy: number | null; isOfficer: boolean }): RowReach => ({
  unitId: c.stationId,
  userIds: [c.createdBy],
  participant: c.isOfficer,
});

/**
 * 行政处罚信息公示: staff read them as they read the case; the portal shows a published one (SAMR Order 45),
 * never a pending, withdrawn, removed or expired one.
 */
export const disclosureKind = defineResource({
  name: 'case-disclosure',
  label: '行政处罚公示',
  read: 'case:read',
  write: 'case:write',
  unitColumn: 'd.station_id',
  selfColumns: [],
  participant: officerOfDisclosedCase,
  publicRows: "d.status = 'published' AND d.display_until >= (now() AT TIME ZONE 'Asia/Shanghai')::date",
});
