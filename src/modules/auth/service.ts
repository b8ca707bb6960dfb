import { createHash, randomBytes } from 'node:crypto';
import type { TLoginBody, TMe } from '../../contracts/auth.ts';
import type { DataScope, Permission } from '../../contracts/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestMeta } from '../../platform/http.ts';
import { assertPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { setPassword } from '../org/published.ts';
import * as repo from './repo.ts';

const scopeRank: Record<DataScope, number> = { self: 0, unit_and_below: 1, all: 2 };

export const sessionTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The one way an Actor is built from a user row: permissions are the roles' union, the scope the widest. */
export function actorFromRow(row: ActorSourceRow, ip: string | null): Actor {
  const roles = row.roles ?? [];
  const permissions = new Set<Permission>(roles.flatMap((r) => r.permissions));
  const dataScope = roles.reduce<DataScope>(
    (widest, r) => (scopeRank[r.dataScope] > scopeRank[widest] ? r.dataScope : widest),
    'self',
  );
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName: row.unitName,
    unitKind: row.unitKind,
    unitPath: row.unitPath,
    scopeUnitIds: row.scopeUnitIds ?? [row.unitId],
    roles: roles.map((r) => ({ code: r.code, name: r.name })),
    permissions,
    dataScope,
    ip,
  };
}

export type ActorSourceRow = Pick<
  repo.SessionActorRow,
  'userId' | 'username' | 'displayName' | 'unitId' | 'unitName' | 'unitKind' | 'unitPath' | 'scopeUnitIds' | 'roles'
>;

/** Session and lockout settings (the container passes them from the configuration). */
export interface AuthOptions {
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
}

export function createAuthService(db: Db, opts: AuthOptions) {
  /** One message for unknown user, wrong password and locked account, so a name cannot be probed. */
  const refused = () =>
    new AppError(
      'UNAUTHENTICATED',
      `用户名或密码错误（连续输错${opts.loginMaxFailures}次将锁定${opts.loginLockMinutes}分钟）`,
    );

  async function logAttempt(
    candidate: repo.LoginCandidate | undefined,
    username: string,
    meta: RequestMeta,
    result: repo.LoginLogInput['result'],
    detail: Record<string, unknown> = {},
  ) {
    await db.transaction(async (tx) => {
      // The right password ends a run of failures, even when the account may not sign in.
      if (candidate && result === 'inactive') await repo.resetLoginFailures(tx, candidate.id);
      await repo.insertLoginLog(tx, {
        username,
        userId: candidate?.id ?? null,
        unitId: candidate?.unitId ?? null,
        ip: meta.ip,
        userAgent: meta.userAgent,
        result,
      });
      const actor = {
        userId: candidate?.id ?? null,
        displayName: candidate?.displayName ?? username,
        unitId: candidate?.unitId ?? null,
        ip: meta.ip,
      };
      await appendAudit(tx, actor, {
        action: `auth.login.${result}`,
        targetType: 'user',
        targetId: candidate?.id,
        detail: { username, ...detail },
      });
    });
  }

  /**
   * Verifies a password only after reserving the attempt (see reserveLoginAttempt); argon2 runs outside any
   * transaction. Unknown and locked accounts pay a dummy verification, so all refusals look and last alike.
   */
  async function checkPassword(username: string, password: string, meta: RequestMeta) {
    const candidate = await repo.findLoginCandidate(db, username);
    const reserved =
      candidate && (await repo.reserveLoginAttempt(db, candidate.id, opts.loginMaxFailures, opts.loginLockMinutes));
    if (!candidate || !reserved) {
      await verifyPassword(await dummyPasswordHash(), password);
      await logAttempt(candidate, username, meta, candidate ? 'locked' : 'unknown_user');
      throw refused();
    }
    if (!(await verifyPassword(candidate.passwordHash, password))) {
      const detail = { failedLoginCount: reserved.failedLoginCount, locked: reserved.locked };
      await logAttempt(candidate, username, meta, 'bad_password', detail);
      throw refused();
    }
    return candidate;
  }

  return {
    async login(input: TLoginBody, meta: RequestMeta): Promise<{ token: string; actor: Actor; csrfToken: string }> {
      const username = input.username.trim().toLowerCase();
      const candidate = await checkPassword(username, input.password, meta);
      if (!candidate.active) {
        await logAttempt(candidate, username, meta, 'inactive');
        throw new AppError('FORBIDDEN', '账户已停用，请联系管理员');
      }
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const tokenHash = sessionTokenHash(token);
      await db.transaction(async (tx) => {
        await repo.resetLoginFailures(tx, candidate.id);
        await repo.insertSession(tx, { tokenHash, userId: candidate.id, csrfToken, ...meta });
        await repo.insertLoginLog(tx, {
          username,
          userId: candidate.id,
          unitId: candidate.unitId,
          ip: meta.ip,
          userAgent: meta.userAgent,
          result: 'success',
        });
        await appendAudit(
          tx,
          { userId: candidate.id, displayName: candidate.displayName, unitId: candidate.unitId, ip: meta.ip },
          { action: 'auth.login.success', targetType: 'user', targetId: candidate.id, detail: { username } },
        );
      });
      const row = await repo.findSessionActor(db, tokenHash);
      return { token, actor: actorFromRow(row!, meta.ip), csrfToken };
    },

    /** The actor behind a session cookie, or a reason why there is none. Ends idle sessions. */
    async resolveSession(
      token: string,
      meta: RequestMeta,
      /** touch: false for background polls, which must not keep an idle session alive. */
      how: { touch?: boolean } = {},
    ): Promise<{ actor: Actor; csrfToken: string } | { reason: 'missing' | 'timeout' | 'inactive' }> {
      const tokenHash = sessionTokenHash(token);
      const row = await repo.findSessionActor(db, tokenHash);
      if (!row) return { reason: 'missing' };
      if (row.idleSeconds > opts.sessionIdleMinutes * 60) {
        await db.transaction(async (tx) => {
          await repo.deleteSession(tx, tokenHash);
          await repo.insertLoginLog(tx, {
            ...meta,
            username: row.username,
            userId: row.userId,
            unitId: row.unitId,
            result: 'timeout',
          });
        });
        return { reason: 'timeout' };
      }
      if (!row.active) {
        await repo.deleteSession(db, tokenHash);
        return { reason: 'inactive' };
      }
      if (how.touch !== false) await repo.touchSession(db, tokenHash);
      return { actor: actorFromRow(row, meta.ip), csrfToken: row.csrfToken };
    },

    async logout(token: string, actor: Actor, meta: RequestMeta): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.deleteSession(tx, sessionTokenHash(token));
        await repo.insertLoginLog(tx, {
          ...meta,
          username: actor.username,
          userId: actor.userId,
          unitId: actor.unitId,
          result: 'logout',
        });
        await appendAudit(tx, actor, { action: 'auth.logout', targetType: 'user', targetId: actor.userId });
      });
    },

    /** Own password change: the current one is checked; other sessions of the user are ended. */
    async changePassword(actor: Actor, currentToken: string, input: { currentPassword: string; newPassword: string }) {
      const candidate = await repo.findLoginCandidate(db, actor.username);
      if (!candidate || !(await verifyPassword(candidate.passwordHash, input.currentPassword))) {
        throw new AppError('VALIDATION', '字段 currentPassword：当前密码不正确', [
          { path: 'currentPassword', message: '当前密码不正确' },
        ]);
      }
      assertPasswordPolicy(input.newPassword, actor.username, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await setPassword(tx, actor.userId, passwordHash);
        await repo.deleteOtherSessions(tx, actor.userId, sessionTokenHash(currentToken));
        await appendAudit(tx, actor, { action: 'auth.password.change', targetType: 'user', targetId: actor.userId });
      });
    },

    me(actor: Actor, csrfToken: string): TMe {
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          unitId: actor.unitId,
          unitName: actor.unitName,
          unitKind: actor.unitKind,
        },
        roles: actor.roles,
        permissions: [...actor.permissions].sort(),
        dataScope: actor.dataScope,
        csrfToken,
        idleTimeoutMinutes: opts.sessionIdleMinutes,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
