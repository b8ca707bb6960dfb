import type { z } from 'zod';
import { ZOk, ZPage } from '../../../src/contracts/common.ts';
import {
  ZOrgUnit,
  type ZOrgUnitCreate,
  type ZOrgUnitUpdate,
  ZRole,
  type ZRoleCreate,
  type ZRoleUpdate,
  ZUser,
  type ZUserCreate,
  type ZUserListQuery,
  type ZUserUpdate,
} from '../../../src/contracts/org.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

const ZUnitList = ZOrgUnit.array();
const ZRoleList = ZRole.array();
const ZUserPage = ZPage(ZUser);

export type TUnitCreate = z.input<typeof ZOrgUnitCreate>;
export type TUnitUpdate = z.input<typeof ZOrgUnitUpdate>;
export type TRoleCreate = z.input<typeof ZRoleCreate>;
export type TRoleUpdate = z.input<typeof ZRoleUpdate>;
export type TUserCreate = z.input<typeof ZUserCreate>;
export type TUserUpdate = z.input<typeof ZUserUpdate>;
export type UserListQuery = QueryInput<typeof ZUserListQuery>;

export const orgApi = {
  listUnits: (opts?: CallOptions) => request('/org/units', { schema: ZUnitList, signal: opts?.signal }),
  createUnit: (body: TUnitCreate) => request('/org/units', { method: 'POST', body, schema: ZOrgUnit }),
  updateUnit: (id: number, body: TUnitUpdate) =>
    request(`/org/units/${id}`, { method: 'PATCH', body, schema: ZOrgUnit }),

  listRoles: (opts?: CallOptions) => request('/org/roles', { schema: ZRoleList, signal: opts?.signal }),
  createRole: (body: TRoleCreate) => request('/org/roles', { method: 'POST', body, schema: ZRole }),
  updateRole: (id: number, body: TRoleUpdate) => request(`/org/roles/${id}`, { method: 'PATCH', body, schema: ZRole }),

  listUsers: (query: UserListQuery, opts?: CallOptions) =>
    request('/org/users', { query: { ...query }, schema: ZUserPage, signal: opts?.signal }),
  getUser: (id: number, opts?: CallOptions) => request(`/org/users/${id}`, { schema: ZUser, signal: opts?.signal }),
  createUser: (body: TUserCreate) => request('/org/users', { method: 'POST', body, schema: ZUser }),
  updateUser: (id: number, body: TUserUpdate) => request(`/org/users/${id}`, { method: 'PATCH', body, schema: ZUser }),
  resetPassword: (id: number, password: string) =>
    request(`/org/users/${id}/reset-password`, { method: 'POST', body: { password }, schema: ZOk }),
  unlockUser: (id: number) => request(`/org/users/${id}/unlock`, { method: 'POST', schema: ZOk }),
};
