import type { DataScope, Permission } from '../../../contracts/permissions.ts';
import type { Queryable } from '../../../db/client.ts';
import type { Actor } from '../../../server/actor.ts';
import { AppError } from '../../../server/errors.ts';
import { findActorRow } from './repo.ts';

const scopeRank: Record<DataScope, number> = { self: 0, unit_and_below: 1, all: 2 };

/**
 * The Actor for a user outside an HTTP request: the CLI's --as user, or a background job acting for the
 * user who uploaded the file (re-read at run time, so a user deactivated meanwhile cannot import).
 * Same rules as a session: permissions are the union of the roles', the data scope the widest.
 */
export async function actorForUser(db: Queryable, by: { username: string } | { userId: number }): Promise<Actor> {
  const row = await findActorRow(db, by);
  if (!row)
    throw new AppError('NOT_FOUND', 'username' in by ? `用户不存在：${by.username}` : `用户不存在：#${by.userId}`);
  if (!row.active) throw new AppError('FORBIDDEN', `用户 ${row.username} 已停用，不能导入`);
  const roles = row.roles ?? [];
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    unitName: row.unitName,
    unitKind: row.unitKind,
    unitPath: row.unitPath,
    roles: roles.map((r) => ({ code: r.code, name: r.name })),
    permissions: new Set<Permission>(roles.flatMap((r) => r.permissions)),
    dataScope: roles.reduce<DataScope>((w, r) => (scopeRank[r.dataScope] > scopeRank[w] ? r.dataScope : w), 'self'),
    ip: null,
  };
}
