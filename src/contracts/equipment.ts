import { gasClasses } from '../domain/equipment-rules.ts';
import { equipmentActions, equipmentStatuses, inspectionStates } from '../domain/equipment-workflow.ts';
import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 特种设备 (issue 14): the register, periodic inspections, lift maintenance, intervals and settings. */
export const ZEquipmentStatus = z.enum(equipmentStatuses);
export const ZInspectionState = z.enum(inspectionStates);
export const ZGasClass = z.enum(gasClasses);
export const ZEquipmentAction = z.enum(equipmentActions);
export const inspectionConclusions = ['pass', 'conditional', 'fail'] as const;
export const ZInspectionConclusion = z.enum(inspectionConclusions);
export const inspectionKinds = ['periodic', 'external', 'internal'] as const;
export const ZInspectionKind = z.enum(inspectionKinds);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullish();

export const ZEquipment = z.object({
  id: z.number().int(),
  equipmentCode: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  topCategoryCode: z.string(),
  registrationNo: z.string().nullable(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationName: z.string(),
  makerName: z.string().nullable(),
  installerName: z.string().nullable(),
  maintenanceUnitName: z.string().nullable(),
  model: z.string().nullable(),
  address: z.string(),
  regionCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: ZEquipmentStatus,
  firstUsedOn: ZIsoDate.nullable(),
  registeredOn: ZIsoDate.nullable(),
  safetyGrade: z.number().int().nullable(),
  gasClass: ZGasClass.nullable(),
  nextInspectionDue: ZIsoDate.nullable(),
  inspectionState: ZInspectionState,
  lastMaintainedOn: ZIsoDate.nullable(),
  /** 维保超期: a lift in use without a 维保 record within the period. */
  maintenanceOverdue: z.boolean(),
  /** 未登记 past the registration period after first use, or found on an inspection while 未登记. */
  registrationOverdue: z.boolean(),
  unregisteredFoundOn: ZIsoDate.nullable(),
  version: z.number().int(),
});
export type TEquipment = z.infer<typeof ZEquipment>;

export const ZEquipmentFilter = z.object({
  q: z.string().trim().max(60).optional(),
  category: z
    .string()
    .regex(/^[0-9A-F][0-9A-Z]{3}$/, '设备类别代码格式不正确')
    .optional(),
  status: ZEquipmentStatus.optional(),
  /** due / overdue lists (soonest first); dueOrOverdue both. */
  inspectionState: z.enum(['due', 'overdue', 'dueOrOverdue']).optional(),
  stationId: ZId.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, '区划代码应为 6～12 位数字')
    .optional(),
  entityId: ZId.optional(),
  /** Lifts in use without 维保 within the period. */
  maintenanceOverdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ZEquipmentQuery = ZPageQuery.extend(ZEquipmentFilter.shape);
export type TEquipmentQuery = z.infer<typeof ZEquipmentQuery>;
export type TEquipmentFilter = z.infer<typeof ZEquipmentFilter>;

export const ZEquipmentBody = z.object({
  equipmentCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-F][0-9A-Z]{3}[0-9A-Z-]{0,36}$/, '设备代码应以 4 位类别代码开头，由数字、大写字母组成'),
  categoryCode: z.string().regex(/^[0-9A-F][0-9A-Z]{3}$/, '设备类别代码格式不正确'),
  registrationNo: optionalText(40),
  entityId: ZId,
  makerName: optionalText(100),
  installerName: optionalText(100),
  maintenanceUnitName: optionalText(100),
  /** 维保单位 as a registry entity (a licensed unit), when it is not the maker. */
  maintenanceEntityId: ZId.nullish(),
  model: optionalText(60),
  address: text(200).min(1, '请填写设备使用地点'),
  regionCode: z
    .string()
    .regex(/^\d{9}(\d{3})?$/, '乡镇（街道）区划代码应为 9 或 12 位数字')
    .nullish(),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  firstUsedOn: ZIsoDate.nullish(),
  registeredOn: ZIsoDate.nullish(),
  gasClass: ZGasClass.nullish(),
  /** The due date of the first periodic inspection, when known (else none until the first inspection). */
  nextInspectionDue: ZIsoDate.nullish(),
});
export type TEquipmentBody = z.infer<typeof ZEquipmentBody>;

export const ZEquipmentStatusBody = z.object({
  action: ZEquipmentAction,
  reason: optionalText(200),
  registrationNo: optionalText(40),
  registeredOn: ZIsoDate.nullish(),
});

export const ZInspection = z.object({
  id: z.number().int(),
  inspectionKind: ZInspectionKind,
  inspectedOn: ZIsoDate,
  conclusion: ZInspectionConclusion,
  safetyGrade: z.number().int().nullable(),
  nextDue: ZIsoDate.nullable(),
  reportNo: z.string(),
  instituteName: z.string().nullable(),
});
export const ZInspectionBody = z.object({
  inspectionKind: ZInspectionKind.default('periodic'),
  inspectedOn: ZIsoDate,
  conclusion: ZInspectionConclusion,
  safetyGrade: z.number().int().min(1).max(5).nullish(),
  /** 下次检验日期 from the report; computed from the interval table when absent. */
  nextDue: ZIsoDate.nullish(),
  reportNo: text(60).min(1, '请填写检验报告编号'),
  instituteName: optionalText(100),
});
export type TInspectionBody = z.infer<typeof ZInspectionBody>;

export const ZMaintenance = z.object({
  id: z.number().int(),
  maintainedOn: ZIsoDate,
  maintenanceUnitName: z.string().nullable(),
  maintainerName: z.string().nullable(),
  note: z.string().nullable(),
});
export const ZMaintenanceBody = z.object({
  maintainedOn: ZIsoDate,
  maintenanceUnitName: optionalText(100),
  maintainerName: optionalText(40),
  note: optionalText(200),
});
export type TMaintenanceBody = z.infer<typeof ZMaintenanceBody>;

export const ZEquipmentDetail = ZEquipment.extend({
  inspections: z.array(ZInspection),
  maintenance: z.array(ZMaintenance),
  events: z.array(
    z.object({
      id: z.number().int(),
      action: z.string(),
      from: z.string(),
      to: z.string(),
      reason: z.string().nullable(),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
});

export const ZEquipmentCategory = z.object({ code: z.string(), parentCode: z.string().nullable(), name: z.string() });

export const ZInterval = z.object({
  id: z.number().int(),
  categoryCode: z.string(),
  categoryName: z.string(),
  inspectionKind: ZInspectionKind,
  conditionKind: z.enum(['none', 'safetyGrade', 'gasClass']),
  conditionValue: z.string(),
  intervalMonths: z.number().int(),
  source: z.string(),
  verify: z.boolean(),
  version: z.number().int(),
});
export const ZIntervalPatch = z.object({
  intervalMonths: z.number().int().min(1).max(240),
  source: text(300).min(1, '请填写依据'),
  verify: z.boolean(),
  version: ZVersion,
});

export const ZEquipmentSettings = z.object({
  maintenancePeriodDays: z.number().int().min(1).max(366),
  registrationDays: z.number().int().min(1).max(366),
  dueNoticeMonths: z.number().int().min(1).max(12),
  version: z.number().int(),
});
export const ZEquipmentSettingsBody = ZEquipmentSettings.extend({ version: ZVersion });

export const ZEquipmentImportResult = z.object({
  total: z.number().int(),
  /** All rows or none: 0 whenever there is an error. */
  imported: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), value: z.string().optional(), reason: z.string() }),
  ),
});
export type TEquipmentImportResult = z.infer<typeof ZEquipmentImportResult>;

export const ZEquipmentMap = z.object({
  points: z.array(
    z.object({
      id: z.number().int(),
      equipmentCode: z.string(),
      categoryCode: z.string(),
      latitude: z.number(),
      longitude: z.number(),
      inspectionState: ZInspectionState,
      status: z.string(),
    }),
  ),
  townships: z.array(
    z.object({ regionCode: z.string(), total: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
  ),
});

export const ZSweepResult = z.object({
  toDue: z.number().int(),
  toOverdue: z.number().int(),
  toNormal: z.number().int(),
});

/** Column headers of the institute's 定期检验结果 file and the maintenance unit's 维保记录 file. */
export const inspectionImportColumns = {
  equipmentCode: '设备代码',
  inspectedOn: '检验日期',
  conclusion: '检验结论',
  safetyGrade: '安全状况等级',
  nextDue: '下次检验日期',
  reportNo: '报告编号',
  instituteName: '检验机构',
  inspectionKind: '检验类别',
} as const;
export const maintenanceImportColumns = {
  equipmentCode: '设备代码',
  maintainedOn: '维保日期',
  maintenanceUnitName: '维保单位',
  maintainerName: '维保人员',
  note: '备注',
} as const;
