import type { TDirective, TDirectiveRow, THazard } from '../../contracts/equipment-hazards.ts';
import type { DirectiveRow } from './repos/directives.ts';
import type { HazardRow } from './repos/hazards.ts';
import { canUploadIn } from './services/evidence.ts';

export const toHazard = (h: HazardRow): THazard => ({
  id: h.id,
  equipmentId: h.equipmentId,
  equipmentCode: h.equipmentCode,
  entityName: h.entityName,
  gradeCode: h.gradeCode,
  gradeName: h.gradeName,
  description: h.description,
  foundOn: h.foundOn,
  inspectorNames: h.inspectorNames,
  status: h.status,
  directiveId: h.directiveId,
  visitId: h.visitId,
  version: h.version,
});

export const toDirectiveRow = (d: DirectiveRow): TDirectiveRow => ({
  id: d.id,
  docNo: d.docNo,
  equipmentId: d.equipmentId,
  equipmentCode: d.equipmentCode,
  registrationNo: d.registrationNo,
  entityName: d.entityName,
  stationName: d.stationName,
  issuedOn: d.issuedOn,
  deadline: d.deadline,
  requiresStop: d.requiresStop,
  status: d.status,
  rectifiedOn: d.rectifiedOn,
  reinspectedOn: d.reinspectedOn,
  closedOn: d.closedOn,
  caseLeadNo: d.caseLeadNo,
  inspectorNames: d.inspectorNames,
  inspectionState: d.inspectionState,
  nextInspectionDue: d.nextInspectionDue,
  version: d.version,
});

export const toDirective = (
  d: DirectiveRow,
  hazards: readonly HazardRow[],
  events: TDirective['events'],
  files: TDirective['files'],
): TDirective => ({
  ...toDirectiveRow(d),
  evidence: d.evidence,
  hazards: hazards.map(toHazard),
  events,
  files,
  canUpload: canUploadIn(d.status),
});
