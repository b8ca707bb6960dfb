import type { z } from 'zod';
import type {
  TOrgUnit,
  TRole,
  TUser,
  ZOrgUnitCreate,
  ZOrgUnitUpdate,
  ZRoleCreate,
  ZRoleUpdate,
  ZUserCreate,
  ZUserListQuery,
  ZUserUpdate,
} from '../../contracts/org.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decodeCursor, keysetPage, type Where } from '../../db/sql.ts';
import { beyondHolder, type Grant, grantOf } from '../../domain/grant.ts';
import { assertPermitted, canRead, readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../platform/errors.ts';
import { assertPasswordPolicy as assertPassword, hashPassword } from '../../platform/passwords.ts';
import { staleVersion } from '../../platform/workflow.ts';
import { deleteUserSessions } from '../auth/published.ts';
import { orgUnitReach, orgUnitResource, userReach, userResource } from './access.ts';
import * as repo from './repo.ts';
import { publicUnit, publicUser } from './view.ts';

const stale = (what: string) => staleVersion(`${what}已被他人修改，请刷新后重试`);

/** 执法证: a number and its expiry go together (both or neither). */
function assertCredentialPair(no: string | null | undefined, expiresOn: string | null | undefined): void {
  if (no && !expiresOn) throw validation('enforcementCredentialExpiresOn', '请填写执法证有效期');
  if (!no && expiresOn) throw validation('enforcementCredentialNo', '请填写执法证号');
}

export function createOrgService(db: Db) {
  async function reachableUnit(actor: Actor, unitId: number, field: string) {
    const unit = await repo.findUnit(db, unitId);
    if (!unit) throw new AppError('VALIDATION', `字段 ${field}：单位不存在`, [{ path: field, message: '单位不存在' }]);
    if (!canRead(actor, orgUnitReach(unit))) throw forbidden('不能操作本单位及下级以外的单位');
    return unit;
  }

  /** The one check for handing out a role: never more permissions or a wider data scope than the caller's. */
  function assertGrantable(actor: Actor, role: Grant & { name: string }) {
    if (beyondHolder(actor, role).length > 0) throw forbidden(`不能授予超出本人权限或数据范围的角色：${role.name}`);
  }

  async function assignableRoles(actor: Actor, roleIds: number[]): Promise<TRole[]> {
    const roles = await repo.findRolesByIds(db, roleIds);
    if (roles.length !== new Set(roleIds).size) {
      throw new AppError('VALIDATION', '字段 roleIds：包含不存在的角色', [
        { path: 'roleIds', message: '包含不存在的角色' },
      ]);
    }
    for (const r of roles) assertGrantable(actor, r);
    return roles;
  }

  async function userInScope(actor: Actor, id: number): Promise<repo.UserRow> {
    const user = await repo.findUser(db, id);
    if (!user || !canRead(actor, userReach(user))) throw notFound(userResource.label);
    return user;
  }

  /**
   * Every change to a user (edit, disable, roles, password reset, unlock) goes through here: the user must be in
   * the caller's reach (else 404) and hold no permission or data scope beyond the caller's (else 403), so a
   * station chief cannot take over a broader account in their station.
   */
  async function manageableUser(actor: Actor, id: number): Promise<repo.UserRow> {
    const user = await userInScope(actor, id);
    const grant = grantOf(await repo.findRolesByIds(db, user.roleIds));
    if (beyondHolder(actor, grant).length > 0) {
      throw forbidden(`用户 ${user.username} 的权限或数据范围超出您本人的，不能修改、重置密码或解锁`);
    }
    return user;
  }

  return {
    async listUnits(): Promise<TOrgUnit[]> {
      return (await repo.listUnits(db)).map(publicUnit);
    },

    async createUnit(actor: Actor, input: z.infer<typeof ZOrgUnitCreate>): Promise<TOrgUnit> {
      const parent = await reachableUnit(actor, input.parentId, 'parentId');
      try {
        return await db.transaction(async (tx) => {
          const unit = await repo.insertUnit(tx, { ...input, parentPath: parent.path });
          await appendAudit(tx, actor, {
            action: 'org.unit.create',
            targetType: 'org_unit',
            targetId: unit.id,
            detail: { after: publicUnit(unit) },
          });
          return publicUnit(unit);
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict(`单位编码 ${input.code} 已存在`, [{ path: 'code', message: '编码已存在' }]);
        throw err;
      }
    },

    async updateUnit(actor: Actor, id: number, input: z.infer<typeof ZOrgUnitUpdate>): Promise<TOrgUnit> {
      // Every reader sees the whole tree, so a unit out of reach is refused (403), not hidden.
      assertPermitted(actor, orgUnitResource, 'write');
      const before = await repo.findUnit(db, id);
      if (!before) throw notFound('单位');
      if (!canRead(actor, orgUnitReach(before))) throw forbidden('不能操作本单位及下级以外的单位');
      const { version, ...patch } = input;
      return db.transaction(async (tx) => {
        const after = await repo.updateUnit(tx, id, version, patch);
        if (!after) throw stale('单位');
        await appendAudit(tx, actor, {
          action: 'org.unit.update',
          targetType: 'org_unit',
          targetId: id,
          detail: { before: publicUnit(before), after: publicUnit(after) },
        });
        return publicUnit(after);
      });
    },

    listRoles: () => repo.listRoles(db),

    async createRole(actor: Actor, input: z.infer<typeof ZRoleCreate>): Promise<TRole> {
      assertGrantable(actor, input);
      try {
        return await db.transaction(async (tx) => {
          const role = await repo.insertRole(tx, input);
          await appendAudit(tx, actor, {
            action: 'org.role.create',
            targetType: 'role',
            targetId: role.id,
            detail: { after: role },
          });
          return role;
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict(`角色编码 ${input.code} 已存在`, [{ path: 'code', message: '编码已存在' }]);
        throw err;
      }
    },

    async updateRole(actor: Actor, id: number, input: z.infer<typeof ZRoleUpdate>): Promise<TRole> {
      const [before] = await repo.findRolesByIds(db, [id]);
      if (!before) throw notFound('角色');
      if (before.code === 'admin') throw new AppError('INVALID_STATE', '系统管理员角色不可修改，以免无人能管理系统');
      assertGrantable(actor, before);
      assertGrantable(actor, {
        name: input.name ?? before.name,
        permissions: input.permissions ?? before.permissions,
        dataScope: input.dataScope ?? before.dataScope,
      });
      const { version, ...patch } = input;
      return db.transaction(async (tx) => {
        const after = await repo.updateRole(tx, id, version, patch);
        if (!after) throw stale('角色');
        await appendAudit(tx, actor, {
          action: 'org.role.update',
          targetType: 'role',
          targetId: id,
          detail: { before, after },
        });
        return after;
      });
    },

    async listUsers(actor: Actor, q: z.infer<typeof ZUserListQuery>) {
      const [afterId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const readable = (w: Where) => readableWhere(actor, userResource, w);
      const rows = await repo.listUsers(db, readable, {
        unitId: q.unitId,
        includeSubUnits: q.includeSubUnits,
        q: q.q,
        afterId,
        limit: q.limit + 1,
      });
      return keysetPage(rows.map(publicUser), q.limit, (r) => [r.id]);
    },

    getUser: async (actor: Actor, id: number) => publicUser(await userInScope(actor, id)),

    async createUser(actor: Actor, input: z.infer<typeof ZUserCreate>): Promise<TUser> {
      assertPassword(input.password, input.username);
      assertCredentialPair(input.enforcementCredentialNo, input.enforcementCredentialExpiresOn);
      await reachableUnit(actor, input.unitId, 'unitId');
      await assignableRoles(actor, input.roleIds);
      const passwordHash = await hashPassword(input.password);
      try {
        const id = await db.transaction(async (tx) => {
          const userId = await repo.insertUser(tx, { ...input, phone: input.phone ?? null, passwordHash });
          await repo.setUserRoles(tx, userId, input.roleIds);
          const { password: _, ...safe } = input;
          await appendAudit(tx, actor, {
            action: 'org.user.create',
            targetType: 'user',
            targetId: userId,
            detail: { after: safe },
          });
          return userId;
        });
        return publicUser((await repo.findUser(db, id))!);
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict(`用户名 ${input.username} 已存在`, [{ path: 'username', message: '用户名已存在' }]);
        throw err;
      }
    },

    async updateUser(actor: Actor, id: number, input: z.infer<typeof ZUserUpdate>): Promise<TUser> {
      const before = await manageableUser(actor, id);
      assertCredentialPair(
        input.enforcementCredentialNo !== undefined ? input.enforcementCredentialNo : before.enforcementCredentialNo,
        input.enforcementCredentialExpiresOn !== undefined
          ? input.enforcementCredentialExpiresOn
          : before.enforcementCredentialExpiresOn,
      );
      if (input.unitId !== undefined) await reachableUnit(actor, input.unitId, 'unitId');
      if (input.roleIds) await assignableRoles(actor, input.roleIds);
      if (id === actor.userId && input.active === false) throw new AppError('INVALID_STATE', '不能停用自己的账户');
      const { version, roleIds, ...patch } = input;
      await db.transaction(async (tx) => {
        if (!(await repo.updateUser(tx, id, version, patch))) throw stale('用户');
        if (roleIds) await repo.setUserRoles(tx, id, roleIds);
        if (input.active === false) await deleteUserSessions(tx, id);
        await appendAudit(tx, actor, {
          action: 'org.user.update',
          targetType: 'user',
          targetId: id,
          detail: { before: publicUser(before), patch: input },
        });
      });
      return publicUser((await repo.findUser(db, id))!);
    },

    async resetPassword(actor: Actor, id: number, password: string): Promise<void> {
      const user = await manageableUser(actor, id);
      assertPassword(password, user.username);
      const passwordHash = await hashPassword(password);
      await db.transaction(async (tx) => {
        await repo.setPassword(tx, id, passwordHash);
        await deleteUserSessions(tx, id);
        await appendAudit(tx, actor, { action: 'org.user.reset-password', targetType: 'user', targetId: id });
      });
    },

    async unlockUser(actor: Actor, id: number): Promise<void> {
      await manageableUser(actor, id);
      await db.transaction(async (tx) => {
        await repo.unlockUser(tx, id);
        await appendAudit(tx, actor, { action: 'org.user.unlock', targetType: 'user', targetId: id });
      });
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
