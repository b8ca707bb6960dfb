import { saleAlertStatuses } from '../domain/drug-sales.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { ZIdCardNumber, ZPhone } from './entities.ts';
import { ZEntityImportError } from './entity-import.ts';
import { z } from './zod.ts';

/** 重点药品购药登记 (issue 14 point 8): registrations, the watch list, settings, daily counts and spike alerts. */
export const ZDrugAccessCode = z.string().trim().min(1, '请输入访问码').max(40);

export const ZDrugSaleBody = z.object({
  drugName: z.string().trim().min(1, '请选择药品').max(100),
  quantity: z.coerce.number().int().min(1).max(999).default(1),
  /** Default: today (Asia/Shanghai); never in the future. */
  soldOn: ZIsoDate.optional(),
  buyerName: z.string().trim().min(1, '请填写购药人姓名').max(30),
  idNumber: ZIdCardNumber,
  phone: ZPhone,
  temperature: z.coerce.number().min(34, '体温应在 34–43 ℃ 之间').max(43, '体温应在 34–43 ℃ 之间').optional(),
});
export type TDrugSaleBody = z.infer<typeof ZDrugSaleBody>;
export const ZPortalDrugSaleBody = ZDrugSaleBody.extend({ accessCode: ZDrugAccessCode });
export const ZPortalDrugAccessBody = z.object({ accessCode: ZDrugAccessCode });

export const ZDrugSaleChannel = z.enum(['portal', 'import', 'staff']);
export const ZDrugSale = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  townshipCode: z.string(),
  soldOn: z.string(),
  drugName: z.string(),
  drugClass: z.string(),
  quantity: z.number().int(),
  /** Masked in every list and answer; the unmasked values only through /personal (drug:personal, audited). */
  buyerName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  temperature: z.number().nullable(),
  channel: ZDrugSaleChannel,
  createdAt: ZTimestamp,
});
export type TDrugSale = z.infer<typeof ZDrugSale>;
export const ZDrugSalePersonal = z.object({
  id: z.number().int(),
  buyerName: z.string(),
  idNumber: z.string(),
  phone: z.string(),
});
export type TDrugSalePersonal = z.infer<typeof ZDrugSalePersonal>;

export const ZDrugSaleQuery = ZPageQuery.extend({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  drugClass: z.string().trim().max(30).optional(),
  entityId: ZId.optional(),
});

export const ZPortalPharmacy = z.object({
  entityName: z.string(),
  today: z.string(),
  watchList: z.array(z.object({ name: z.string(), drugClass: z.string() })),
  recent: z.array(ZDrugSale),
});
export type TPortalPharmacy = z.infer<typeof ZPortalPharmacy>;

export const ZPharmacyCodeBody = z.object({ entityId: ZId });
export const ZPharmacyCode = z.object({
  entityId: z.number().int(),
  entityName: z.string(),
  code: z.string(),
  issuedAt: ZTimestamp,
});
export type TPharmacyCode = z.infer<typeof ZPharmacyCode>;

export const ZDrugWatchItem = z.object({
  id: z.number().int(),
  name: z.string(),
  drugClass: z.string(),
  active: z.boolean(),
});
export type TDrugWatchItem = z.infer<typeof ZDrugWatchItem>;
export const ZDrugWatchListBody = z.object({
  items: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        drugClass: z.string().trim().min(1).max(30),
        active: z.boolean().default(true),
      }),
    )
    .min(1, '重点药品目录不能为空')
    .max(500),
});

export const ZDrugSaleSettings = z.object({
  retentionDays: z.number().int(),
  liaisonUserId: z.number().int().nullable(),
  liaisonName: z.string().nullable(),
  spikeK: z.number(),
  spikeMinCount: z.number().int(),
  baselineDays: z.number().int(),
  version: ZVersion,
});
export type TDrugSaleSettings = z.infer<typeof ZDrugSaleSettings>;
export const ZDrugSaleSettingsBody = z.object({
  retentionDays: z.number().int().min(7, '保存期限至少 7 天').max(3650),
  liaisonUserId: ZId.nullable(),
  spikeK: z.number().min(0.5).max(10),
  spikeMinCount: z.number().int().min(1).max(10_000),
  baselineDays: z.number().int().min(3).max(90),
  version: ZVersion,
});

export const ZDrugDailyQuery = z.object({ from: ZIsoDate, to: ZIsoDate });
export const ZDrugDaily = z.object({
  days: z.array(z.object({ day: z.string(), drugClass: z.string(), n: z.number().int() })),
  townships: z.array(
    z.object({ townshipCode: z.string(), townshipName: z.string(), drugClass: z.string(), n: z.number().int() }),
  ),
});
export type TDrugDaily = z.infer<typeof ZDrugDaily>;

export const ZDrugSaleAlertStatus = z.enum(Object.keys(saleAlertStatuses) as ['new', 'handled']);
export const ZDrugSaleAlert = z.object({
  id: z.number().int(),
  day: z.string(),
  drugClass: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  observed: z.number().int(),
  expected: z.number(),
  threshold: z.number(),
  status: ZDrugSaleAlertStatus,
  note: z.string().nullable(),
  version: ZVersion,
  createdAt: ZTimestamp,
});
export type TDrugSaleAlert = z.infer<typeof ZDrugSaleAlert>;
export const ZDrugSaleAlertQuery = ZPageQuery.extend({ status: ZDrugSaleAlertStatus.optional() });
export const ZDrugSaleAlertHandleBody = z.object({ note: z.string().trim().min(1).max(500), version: ZVersion });

export const ZDrugSaleImportResult = z.object({
  total: z.number().int(),
  /** All rows or none: 0 whenever there is an error. */
  imported: z.number().int(),
  errors: z.array(ZEntityImportError),
});
export type TDrugSaleImportResult = z.infer<typeof ZDrugSaleImportResult>;
