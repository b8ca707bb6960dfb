import { ZIsoDate, ZVersion } from './common.ts';
import { ZHazard } from './equipment-hazards.ts';
import { z } from './zod.ts';

/** 特种设备监督检查 of an equipment user on the one visit engine (issue 14): schedule, start, hazards, complete. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const supervisionStatuses = ['planned', 'inProgress', 'done'] as const;

export const ZSupervisionCreate = z.object({
  entityId: z.number().int().positive(),
  plannedOn: ZIsoDate.optional(),
});
export const ZSupervisionStart = z.object({
  version: ZVersion,
  /** The other inspectors (the caller is one): ≥ 2 in all, none with a 回避 conflict. */
  inspectorIds: z.array(z.number().int().positive()).max(10).default([]),
});
export const ZSupervisionHazards = z.object({
  equipmentId: z.number().int().positive(),
  /** The equipment was seen in use (超期未检 or 检验不合格 in use → a case lead). */
  inUse: z.boolean().default(true),
  hazards: z
    .array(z.object({ gradeCode: z.string().min(1).max(32), description: text(2000) }))
    .min(1)
    .max(50),
});
export const ZSupervisionComplete = z.object({ version: ZVersion, findings: text(2000).optional() });
export const ZSupervisionQuery = z.object({
  status: z.enum(supervisionStatuses).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});

export const ZSupervisionRow = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  plannedOn: ZIsoDate,
  status: z.enum(supervisionStatuses),
  visitId: z.number().int().nullable(),
  visitStatus: z.string().nullable(),
  inspectedOn: ZIsoDate.nullable(),
  hazardCount: z.number().int(),
  version: ZVersion,
});
export type TSupervisionRow = z.infer<typeof ZSupervisionRow>;
export const ZSupervisionPage = z.object({ items: z.array(ZSupervisionRow), nextCursor: z.number().int().nullable() });

export const ZSupervision = ZSupervisionRow.extend({
  findings: z.string().nullable(),
  inspectors: z.array(z.object({ id: z.number().int(), name: z.string(), userId: z.number().int().nullable() })),
  /** The caller is one of the visit's inspectors and the visit is open: hazards may be recorded. */
  canRecord: z.boolean(),
  equipment: z.array(
    z.object({
      id: z.number().int(),
      equipmentCode: z.string(),
      categoryName: z.string(),
      registrationNo: z.string().nullable(),
      status: z.string(),
      inspectionState: z.enum(['normal', 'due', 'overdue']),
      nextInspectionDue: ZIsoDate.nullable(),
    }),
  ),
  hazards: z.array(ZHazard),
});
export type TSupervision = z.infer<typeof ZSupervision>;
