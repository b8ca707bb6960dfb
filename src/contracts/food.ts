import { foodCategories, foodLicenceKinds } from '../domain/food-licence.ts';
import { ZId, ZIsoDate, ZPageQuery } from './common.ts';
import { z } from './zod.ts';

/** 食品安全 (issue 13): food businesses, their licences and their staff's health certificates. */
export const ZFoodLicenceKind = z.enum(foodLicenceKinds);
export const ZFoodCategory = z.enum(foodCategories);
export const foodLicenceStatuses = ['active', 'renewed', 'revoked', 'cancelled'] as const;
export const ZFoodLicenceStatus = z.enum(foodLicenceStatuses);
export const certificateStatuses = ['active', 'superseded', 'left'] as const;

export const ZFoodLicence = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationName: z.string(),
  kind: ZFoodLicenceKind,
  licenceNo: z.string(),
  categories: z.array(z.string()),
  issuedOn: ZIsoDate,
  validUntil: ZIsoDate,
  renewalDueOn: ZIsoDate,
  status: ZFoodLicenceStatus,
  /** Days until expiry (negative: expired), by the Shanghai date. */
  daysLeft: z.number().int(),
});
export type TFoodLicence = z.infer<typeof ZFoodLicence>;

export const ZFoodLicenceQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  kind: ZFoodLicenceKind.optional(),
  status: ZFoodLicenceStatus.optional(),
  /** Active licences expiring within this many days (expired ones included), soonest first. */
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional(),
  entityId: ZId.optional(),
});

export const ZFoodLicenceBody = z.object({
  entityId: ZId,
  kind: ZFoodLicenceKind,
  licenceNo: z.string().trim().min(1, '请填写许可证编号').max(60),
  categories: z.array(ZFoodCategory).max(20).default([]),
  issuedOn: ZIsoDate,
  /** Defaults to 5 years from issuedOn. */
  validUntil: ZIsoDate.optional(),
  /** The licence this one renews (延续): it becomes 'renewed'. */
  renews: ZId.optional(),
});
export type TFoodLicenceBody = z.infer<typeof ZFoodLicenceBody>;

export const ZFoodLicenceStatusBody = z.object({ status: z.enum(['revoked', 'cancelled', 'active']) });

export const ZHealthCertificate = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  /** Masked (张*) unless the caller holds food:write. */
  staffName: z.string(),
  certificateNo: z.string(),
  issuedOn: ZIsoDate,
  validUntil: ZIsoDate,
  status: z.enum(certificateStatuses),
  expired: z.boolean(),
  daysLeft: z.number().int(),
});
export type THealthCertificate = z.infer<typeof ZHealthCertificate>;

export const ZHealthCertificateQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  entityId: ZId.optional(),
  /** Active certificates expiring within this many days (expired ones included), soonest first. */
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional(),
});

export const ZHealthCertificateBody = z.object({
  entityId: ZId,
  staffName: z.string().trim().min(1, '请填写从业人员姓名').max(40),
  certificateNo: z.string().trim().min(1, '请填写健康证编号').max(40),
  issuedOn: ZIsoDate,
  /** Defaults to 1 year from issuedOn. */
  validUntil: ZIsoDate.optional(),
});
export type THealthCertificateBody = z.infer<typeof ZHealthCertificateBody>;

export const ZFoodBusiness = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  stationId: z.number().int(),
  stationName: z.string(),
  inspectorId: z.number().int().nullable(),
  inspectorName: z.string().nullable(),
  activeLicences: z.number().int(),
  activeCertificates: z.number().int(),
  /** The newest active licence's number, or null. */
  licenceNo: z.string().nullable(),
  version: z.number().int(),
});
export type TFoodBusiness = z.infer<typeof ZFoodBusiness>;

/** q: part of the name, or the start of the USCC or of a licence number (JY…/SC…). */
export const ZFoodBusinessQuery = ZPageQuery.extend({ q: z.string().trim().max(60).optional() });
export const ZFoodBusinessPatch = z.object({ inspectorId: ZId.nullable() });

/** The food section of an entity's 360° page. */
export const ZEntityFood = z.object({
  business: ZFoodBusiness.nullable(),
  licences: z.array(ZFoodLicence),
  certificates: z.array(ZHealthCertificate),
});
export type TEntityFood = z.infer<typeof ZEntityFood>;

export const ZFoodImportResult = z.object({
  total: z.number().int(),
  /** All rows or none: 0 whenever there is an error. */
  imported: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), value: z.string().optional(), reason: z.string() }),
  ),
});
export type TFoodImportResult = z.infer<typeof ZFoodImportResult>;
export const ZFoodImportQuery = z.object({
  /** xlsx: when there are row errors, answer with the error report (XLSX) instead of JSON. */
  report: z.enum(['json', 'xlsx']).default('json'),
});
