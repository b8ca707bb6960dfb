import { ZIsoDate, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 特种设备 issue 14 points 3–4: hazards, 安全监察指令书, rectification, and the signed lift plates. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const ZHazardGrade = z.object({
  code: z.string(),
  name: z.string(),
  rectifyDays: z.number().int(),
  requiresStop: z.boolean(),
  sort: z.number().int(),
  active: z.boolean(),
});
export type THazardGrade = z.infer<typeof ZHazardGrade>;
export const ZHazardGradeBody = z.object({
  code: z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/, '代码应为小写字母开头的字母数字'),
  name: text(40),
  rectifyDays: z.number().int().min(1).max(365),
  requiresStop: z.boolean().default(false),
  sort: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
});

/** One 监督检查 of a piece of equipment: the hazards found, who found them and when. */
export const ZHazardInspectionBody = z.object({
  equipmentId: z.number().int().positive(),
  foundOn: ZIsoDate,
  inspectorNames: text(200),
  /** The equipment was seen in use on the inspection (超期未检 or 检验不合格 in use → a case lead). */
  inUse: z.boolean().default(true),
  hazards: z
    .array(z.object({ gradeCode: z.string().min(1).max(32), description: text(2000) }))
    .min(1)
    .max(50),
});

export const ZHazard = z.object({
  id: z.number().int(),
  equipmentId: z.number().int(),
  equipmentCode: z.string(),
  entityName: z.string(),
  gradeCode: z.string(),
  gradeName: z.string(),
  description: z.string(),
  foundOn: ZIsoDate,
  inspectorNames: z.string(),
  status: z.enum(['open', 'ordered', 'closed']),
  directiveId: z.number().int().nullable(),
  /** The 监督检查 visit (spot_check_visits) the hazard was recorded on, if any. */
  visitId: z.number().int().nullable(),
  version: ZVersion,
});
export type THazard = z.infer<typeof ZHazard>;

export const ZInspectionResult = z.object({
  hazards: z.array(ZHazard),
  /** 案源 numbers raised because the equipment was used while 超期未检 or after a failed inspection. */
  caseLeadNo: z.string().nullable(),
});

export const ZDirectiveIssueBody = z.object({
  hazardIds: z.array(z.number().int().positive()).min(1).max(50),
  /** 整改期限: after today; defaults to the shortest period of the hazards' grades. */
  deadline: ZIsoDate.optional(),
});

export const ZDirective = z.object({
  id: z.number().int(),
  docNo: z.string(),
  equipmentId: z.number().int(),
  equipmentCode: z.string(),
  registrationNo: z.string().nullable(),
  entityName: z.string(),
  stationName: z.string(),
  issuedOn: ZIsoDate,
  deadline: ZIsoDate,
  requiresStop: z.boolean(),
  status: z.enum(['issued', 'overdue', 'rectified', 'closed']),
  rectifiedOn: ZIsoDate.nullable(),
  evidence: z.string().nullable(),
  reinspectedOn: ZIsoDate.nullable(),
  closedOn: ZIsoDate.nullable(),
  caseLeadNo: z.string().nullable(),
  inspectorNames: z.string(),
  inspectionState: z.enum(['normal', 'due', 'overdue']),
  nextInspectionDue: ZIsoDate.nullable(),
  hazards: z.array(ZHazard),
  /** 整改证据 files (photos, PDF), served through the order. */
  files: z.array(
    z.object({
      id: z.number().int(),
      filename: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      uploadedByName: z.string().nullable(),
      uploadedAt: ZTimestamp,
    }),
  ),
  /** Whether evidence files may still be added (before acceptance). */
  canUpload: z.boolean(),
  events: z.array(
    z.object({
      action: z.string(),
      toStatus: z.string(),
      note: z.string().nullable(),
      actorName: z.string().nullable(),
      at: ZTimestamp,
    }),
  ),
  version: ZVersion,
});
export type TDirective = z.infer<typeof ZDirective>;

export const ZDirectiveListQuery = z.object({
  status: z.enum(['issued', 'overdue', 'rectified', 'closed']).optional(),
  equipmentId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.coerce.number().int().positive().optional(),
});
export const ZDirectiveRow = ZDirective.omit({
  hazards: true,
  events: true,
  evidence: true,
  files: true,
  canUpload: true,
});
/** The hazard list export: the 指令书 list's filters. */
export const ZHazardExportQuery = ZDirectiveListQuery.omit({ limit: true, cursor: true });
export type TDirectiveRow = z.infer<typeof ZDirectiveRow>;
export const ZDirectivePage = z.object({ items: z.array(ZDirectiveRow), nextCursor: z.number().int().nullable() });

export const ZRectifyBody = z.object({ version: ZVersion, rectifiedOn: ZIsoDate, evidence: text(2000) });
export const ZReturnBody = z.object({ version: ZVersion, deadline: ZIsoDate, note: text(500) });
/** 验收: the rectification is accepted; a re-inspection date (with its next due date) returns the lift to 正常. */
export const ZAcceptBody = z.object({
  version: ZVersion,
  closedOn: ZIsoDate,
  reinspectedOn: ZIsoDate.optional(),
  nextInspectionDue: ZIsoDate.optional(),
});
export const ZDirectiveDocQuery = z.object({ format: z.enum(['pdf', 'docx']).default('pdf') });

export const ZPlate = z.object({
  id: z.number().int(),
  equipmentId: z.number().int(),
  equipmentCode: z.string(),
  registrationNo: z.string(),
  validUntil: ZIsoDate,
  issuedOn: ZIsoDate,
  kid: z.string(),
  url: z.string(),
  current: z.boolean(),
  createdAt: ZTimestamp,
});
export type TPlate = z.infer<typeof ZPlate>;

const field = z.string().max(200).optional();
export const ZPlateVerifyQuery = z.object({ k: field, i: field, c: field, r: field, v: field, d: field, s: field });
export const ZPlateVerification = z.object({
  /** valid 有效 · expired 检验已过期（红色） · superseded 已被新标志取代 · forged 伪造/无效 */
  status: z.enum(['valid', 'expired', 'superseded', 'forged']),
  reason: z.enum(['malformed', 'unknownKey', 'badSignature', 'notIssued']).nullable(),
  plate: z
    .object({
      id: z.number().int(),
      equipmentCode: z.string(),
      registrationNo: z.string(),
      validUntil: ZIsoDate,
      issuedOn: ZIsoDate,
    })
    .nullable(),
  equipment: z
    .object({
      categoryName: z.string(),
      address: z.string(),
      userUnit: z.string(),
      maintenanceUnit: z.string().nullable(),
      lastMaintenanceOn: ZIsoDate.nullable(),
      nextInspectionDue: ZIsoDate.nullable(),
      inspectionState: z.enum(['normal', 'due', 'overdue']),
      status: z.string(),
      authority: z.string(),
    })
    .nullable(),
  emergencyNumber: z.string(),
});
export type TPlateVerification = z.infer<typeof ZPlateVerification>;
