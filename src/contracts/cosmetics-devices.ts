import {
  type AdverseEventAction,
  adverseEventWorkflow,
  adverseSeverities,
  adverseStatuses,
  cdCategories,
  cdInspectionResults,
  cdInspectionStatuses,
  cdLicenceKinds,
} from '../domain/cosmetics-devices.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 两品一械 (issue 14 point 9): businesses with licence / 备案 numbers, adverse-event reports. */
const keys = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const ZCdCategory = z.enum(keys(cdCategories));
export const ZCdLicenceKind = z.enum(keys(cdLicenceKinds));
export const ZAdverseSeverity = z.enum(keys(adverseSeverities));
export const ZAdverseStatus = z.enum(keys(adverseStatuses));
export const ZAdverseAction = z.enum(
  Object.keys(adverseEventWorkflow) as [AdverseEventAction, ...AdverseEventAction[]],
);

export const ZCdBusinessBody = z.object({
  entityId: ZId,
  category: ZCdCategory,
  licenceKind: ZCdLicenceKind,
  licenceNo: z.string().trim().min(1).max(60),
  scope: z.string().trim().max(500).optional(),
});
export const ZCdBusiness = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  category: ZCdCategory,
  licenceKind: ZCdLicenceKind,
  licenceNo: z.string(),
  scope: z.string().nullable(),
  adverseEvents: z.number().int(),
  version: ZVersion,
});
export type TCdBusiness = z.infer<typeof ZCdBusiness>;
export const ZCdBusinessQuery = ZPageQuery.extend({
  category: ZCdCategory.optional(),
  /** A fragment of the name, the licence / 备案 number or the USCC. */
  q: z.string().trim().max(60, '搜索内容不超过 60 个字').optional(),
});

export const ZCdInspectionStatus = z.enum(keys(cdInspectionStatuses));
export const ZCdInspectionResult = z.enum(keys(cdInspectionResults));
/** Two or more named inspectors, or none: the visit engine then picks two of the station's. */
export const ZCdInspectionScheduleBody = z.object({
  plannedOn: ZIsoDate.optional(),
  inspectorIds: z.array(ZId).max(10).default([]),
});
export const ZCdInspectionResultBody = z.object({
  version: ZVersion,
  result: ZCdInspectionResult,
  findings: z.string().trim().max(2000).optional(),
});
export const ZCdInspection = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  visitId: z.number().int(),
  visitStatus: z.string(),
  plannedOn: ZIsoDate,
  status: ZCdInspectionStatus,
  result: ZCdInspectionResult.nullable(),
  findings: z.string().nullable(),
  inspectedOn: ZIsoDate.nullable(),
  inspectors: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** The caller is one of the visit's inspectors and the result is still to be recorded. */
  canRecord: z.boolean(),
  createdAt: ZTimestamp,
  version: ZVersion,
});
export type TCdInspection = z.infer<typeof ZCdInspection>;

export const ZAdverseEventBody = z.object({
  businessId: ZId,
  productName: z.string().trim().min(1).max(200),
  registrationNo: z.string().trim().min(1).max(60),
  severity: ZAdverseSeverity,
  description: z.string().trim().min(5, '情况描述至少 5 个字').max(4000),
  occurredOn: ZIsoDate,
});
export const ZAdverseEvent = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  category: ZCdCategory,
  productName: z.string(),
  registrationNo: z.string(),
  severity: ZAdverseSeverity,
  description: z.string(),
  occurredOn: z.string(),
  status: ZAdverseStatus,
  note: z.string().nullable(),
  createdAt: ZTimestamp,
  version: ZVersion,
});
export type TAdverseEvent = z.infer<typeof ZAdverseEvent>;
export const ZAdverseEventQuery = ZPageQuery.extend({
  status: ZAdverseStatus.optional(),
  registrationNo: z.string().trim().max(60).optional(),
  businessId: ZId.optional(),
});
export const ZAdverseTransitionBody = z.object({
  action: ZAdverseAction,
  note: z.string().trim().max(1000).optional(),
  version: ZVersion,
});
