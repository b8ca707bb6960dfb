import { ZDataScope, ZPermission } from './auth.ts';
import { ZId, ZIsoDate, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

export const orgUnitKinds = { bureau: '局', department: '科室', station: '市场监管所', centre: '中心' } as const;
export const ZOrgUnitKind = z.enum(['bureau', 'department', 'station', 'centre']);
/** GB/T 2260 county (6 digits) or township (9 or 12 digits) code. */
export const REGION_CODE_PATTERN = /^\d{6}(\d{3}(\d{3})?)?$/;
export const ZRegionCode = z.string().regex(REGION_CODE_PATTERN, '行政区划代码应为6、9或12位数字');

export const ZOrgUnit = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  code: z.string(),
  name: z.string(),
  kind: ZOrgUnitKind,
  regionCodes: z.array(z.string()),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});

export const ZOrgUnitCreate = z.object({
  parentId: ZId,
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '编码只能包含小写字母、数字和连字符，最长32位'),
  name: z.string().trim().min(1, '请输入名称').max(100),
  kind: ZOrgUnitKind,
  regionCodes: z.array(ZRegionCode).max(200).default([]),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});
export const ZOrgUnitUpdate = ZOrgUnitCreate.omit({ parentId: true, code: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: ZVersion });

export const ZRole = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  permissions: z.array(ZPermission),
  dataScope: ZDataScope,
  builtin: z.boolean(),
  version: z.number().int(),
});
export const ZRoleCreate = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, '编码只能包含小写字母、数字和下划线'),
  name: z.string().trim().min(1, '请输入名称').max(50),
  permissions: z.array(ZPermission).max(200),
  dataScope: ZDataScope,
});
export const ZRoleUpdate = ZRoleCreate.omit({ code: true }).partial().extend({ version: ZVersion });

export const ZUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  phone: z.string().nullable(),
  roleIds: z.array(z.number().int()),
  /** 行政执法证: number and expiry; a case officer needs one valid on the day they are assigned. */
  enforcementCredentialNo: z.string().nullable(),
  enforcementCredentialExpiresOn: ZIsoDate.nullable(),
  active: z.boolean(),
  locked: z.boolean(),
  version: z.number().int(),
  createdAt: ZTimestamp,
});
const ZUsername = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为3-32位小写字母、数字、点、下划线或连字符');
const ZMobile = z.string().regex(/^1[3-9]\d{9}$/, '手机号格式不正确');
export const ZUserCreate = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1, '请输入姓名').max(50),
  unitId: ZId,
  phone: ZMobile.nullable().optional(),
  roleIds: z.array(ZId).min(1, '至少选择一个角色').max(20),
  password: z.string().min(1, '请输入密码').max(256),
  enforcementCredentialNo: z.string().trim().min(4, '执法证号至少4位').max(40).nullable().optional(),
  enforcementCredentialExpiresOn: ZIsoDate.nullable().optional(),
});
export const ZUserUpdate = ZUserCreate.omit({ username: true, password: true })
  .partial()
  .extend({ active: z.boolean().optional(), version: ZVersion });
export const ZUserListQuery = z.object({
  unitId: ZId.optional(),
  /** With unitId: also the users of every unit below it (a station's sub-teams, a bureau's stations). */
  includeSubUnits: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export const ZResetPassword = z.object({ password: z.string().min(1).max(256) });

export type TOrgUnit = z.infer<typeof ZOrgUnit>;
export type TRole = z.infer<typeof ZRole>;
export type TUser = z.infer<typeof ZUser>;
