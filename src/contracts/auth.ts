import { dataScopes, type Permission, permissions } from './permissions.ts';
import { z } from './zod.ts';

export const ZLoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const ZPermission = z.enum(Object.keys(permissions) as [Permission, ...Permission[]]);
export const ZDataScope = z.enum(Object.keys(dataScopes) as [keyof typeof dataScopes, ...(keyof typeof dataScopes)[]]);

export const ZMe = z.object({
  user: z.object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitKind: z.string(),
  }),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(ZPermission),
  dataScope: ZDataScope,
  csrfToken: z.string(),
  idleTimeoutMinutes: z.number().int(),
});

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export type TLoginBody = z.infer<typeof ZLoginBody>;
export type TChangePasswordBody = z.infer<typeof ZChangePasswordBody>;
export type TMe = z.infer<typeof ZMe>;
