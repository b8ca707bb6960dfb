import type { Queryable } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { findActorRow } from '../../auth/published.ts';
import { actorFromRow } from '../../auth/service.ts';

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
  return actorFromRow(row, null);
}
