import { entityStatusLabels, entityStatusValues } from '../domain/entity-lifecycle.ts';
import { validateIdCard } from '../domain/id-card.ts';
import { isValidIndustryCode } from '../domain/industry-codes.ts';
import { normaliseUscc, usccEntityType, validateUscc } from '../domain/uscc.ts';
import { ZId, ZIsoDate, ZTimestamp, ZVersion } from './common.ts';
import { ZRegionCode } from './org.ts';
import { z } from './zod.ts';

export const entityTypes = {
  enterprise: '企业',
  individualBusiness: '个体工商户',
  farmerCooperative: '农民专业合作社',
} as const;
export const entityStatuses = entityStatusLabels;
export const entityEventKinds = {
  establish: '设立',
  change: '变更',
  deregister: '注销',
  moveIn: '迁入',
  moveOut: '迁出',
  suspend: '停业',
  resume: '恢复营业',
  revoke: '吊销',
} as const;

export const ZEntityType = z.enum(['enterprise', 'individualBusiness', 'farmerCooperative']);
export const ZEntityStatus = z.enum(entityStatusValues);
export type TEntityType = z.infer<typeof ZEntityType>;
export type TEntityStatus = z.infer<typeof ZEntityStatus>;

/** USCC normalised (trim, upper case, full-width) and checked; a bad check character is a clear error. */
export const ZUscc = z
  .string()
  .max(40)
  .transform(normaliseUscc)
  .superRefine((code, ctx) => {
    const v = validateUscc(code);
    if (!v.ok) ctx.addIssue({ code: 'custom', message: v.reason });
  });
/** Like ZUscc, but only the shape; used when the user explicitly overrides a failing check character. */
export const ZUsccShape = z
  .string()
  .max(40)
  .transform(normaliseUscc)
  .refine((c) => /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(c), '统一社会信用代码应为18位（数字或大写字母，不含 I、O、Z、S、V）');

export const ZIdCardNumber = z
  .string()
  .trim()
  .max(30)
  .transform((s) => s.toUpperCase())
  .superRefine((id, ctx) => {
    const v = validateIdCard(id);
    if (!v.ok) ctx.addIssue({ code: 'custom', message: v.reason });
  });
export const ZIndustryCode = z
  .string()
  .trim()
  .max(10)
  .refine(isValidIndustryCode, '不是有效的国民经济行业分类代码（GB/T 4754-2017）');
/** A mobile number, a landline with its area code, or a 400/800 number. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400\d{7}|800\d{7})$/;
export const ZPhone = z.string().trim().regex(PHONE_PATTERN, '电话格式不正确（手机号或带区号的固定电话）');

const entityFields = {
  type: ZEntityType,
  name: z.string().trim().min(2, '名称至少2个字').max(200),
  address: z.string().trim().min(2, '请填写住所（经营场所）').max(300),
  establishedOn: ZIsoDate,
  legalRepName: z.string().trim().min(1).max(50).optional(),
  legalRepIdNumber: ZIdCardNumber.optional(),
  phone: ZPhone.optional(),
  regionCode: ZRegionCode.optional(),
  stationId: ZId.optional(),
  industryCode: ZIndustryCode.optional(),
  registeredCapitalFen: z.number().int('注册资本以分为单位，须为整数').min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  businessScope: z.string().trim().max(4000).optional(),
};

/** The USCC's category digit must agree with the type (91 企业, 92 个体工商户, 93 农民专业合作社). */
function typeMatchesUscc(v: { type: TEntityType; uscc: string }, ctx: z.RefinementCtx) {
  const fromCode = usccEntityType(v.uscc);
  if (fromCode !== 'other' && fromCode !== v.type) {
    ctx.addIssue({
      code: 'custom',
      path: ['type'],
      message: `主体类型与统一社会信用代码第2位不一致（代码表示${entityTypes[fromCode]}）`,
    });
  }
}

export const ZEntityCreate = z
  .union([
    z.object({ ...entityFields, uscc: ZUscc, usccOverrideReason: z.undefined().optional() }),
    // An explicit override: the check character fails, the user says why; recorded with who.
    z.object({
      ...entityFields,
      uscc: ZUsccShape,
      usccOverrideReason: z.string().trim().min(4, '请说明为何接受校验未通过的代码').max(500),
    }),
  ])
  .superRefine(typeMatchesUscc);

export const ZEntityUpdate = z.object({
  name: entityFields.name.optional(),
  address: entityFields.address.optional(),
  legalRepName: entityFields.legalRepName,
  legalRepIdNumber: entityFields.legalRepIdNumber,
  phone: entityFields.phone,
  regionCode: entityFields.regionCode,
  stationId: entityFields.stationId,
  industryCode: entityFields.industryCode,
  registeredCapitalFen: entityFields.registeredCapitalFen,
  businessScope: entityFields.businessScope,
  version: ZVersion,
});

export const ZEntityLifecycle = z.object({
  kind: z.enum(['deregister', 'moveOut', 'moveIn', 'suspend', 'resume', 'revoke']),
  occurredOn: ZIsoDate,
  note: z.string().trim().max(500).optional(),
  version: ZVersion,
});

export const ZEntityListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  type: ZEntityType.optional(),
  status: ZEntityStatus.optional(),
  stationId: ZId.optional(),
  industryCode: z
    .string()
    .trim()
    .regex(/^[A-T]?\d{0,4}$/, '行业代码格式不正确')
    .optional(),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{2,12}$/, '行政区划代码应为数字')
    .optional(),
  establishedFrom: ZIsoDate.optional(),
  establishedTo: ZIsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  cursor: z.string().max(200).optional(),
});

export const ZEntitySummary = z.object({
  id: z.number().int(),
  uscc: z.string(),
  type: ZEntityType,
  name: z.string(),
  legalRepName: z.string().nullable(),
  legalRepIdMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string().nullable(),
  stationId: z.number().int(),
  stationName: z.string(),
  industryCode: z.string().nullable(),
  establishedOn: z.string(),
  status: ZEntityStatus,
});

export const ZEntityLicence = z.object({
  id: z.number().int(),
  kind: z.string(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
});
export const ZEntityEvent = z.object({
  id: z.number().int(),
  kind: z.string(),
  occurredOn: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: ZTimestamp,
});

export const ZEntityDetail = ZEntitySummary.extend({
  registeredCapitalFen: z.number().nullable(),
  businessScope: z.string().nullable(),
  usccOverrideReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  licences: z.array(ZEntityLicence),
  events: z.array(ZEntityEvent),
});

export const ZEntityPage = z.object({
  items: z.array(ZEntitySummary),
  nextCursor: z.string().nullable(),
  /**
   * Matches of the query, worked out on its first page: pages after it (with a cursor) repeat that figure rather
   * than count again, so it is "as of the first page".
   */
  total: z.number().int(),
  /**
   * True when `total` is an estimate (more than 1,000 matches, not counted further): the planner's estimate of the
   * filters, or of a name search by its rarest bigram. False means exact.
   * Only a caller who sees the whole register gets an estimate (the statistics cover every station).
   */
  totalIsEstimate: z.boolean(),
  /**
   * True when there are more than `total` (1,000) matches: a caller limited to some stations, counted up to the cap
   * or, for a large scope, shown by the planner's estimate (≥ 20,000 rows) or a sample of pages (≥ 5,000) to exceed it.
   */
  totalIsCapped: z.boolean(),
});

export type TEntityCreate = z.infer<typeof ZEntityCreate>;
export type TEntitySummary = z.infer<typeof ZEntitySummary>;
export type TEntityDetail = z.infer<typeof ZEntityDetail>;
export type TEntityListQuery = z.infer<typeof ZEntityListQuery>;
