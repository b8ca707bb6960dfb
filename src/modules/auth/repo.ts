import type { DataScope, Permission } from '../../contracts/permissions.ts';
import type { Queryable } from '../../db/client.ts';

export interface LoginCandidate {
  id: number;
  username: string;
  displayName: string;
  unitId: number;
  passwordHash: string;
  active: boolean;
  failedLoginCount: number;
  lockedUntil: string | null;
}

export async function findLoginCandidate(db: Queryable, username: string): Promise<LoginCandidate | undefined> {
  const [row] = await db.query<LoginCandidate>(
    `SELECT id, username, display_name AS "displayName", unit_id AS "unitId", password_hash AS "passwordHash",
            active, failed_login_count AS "failedLoginCount", locked_until AS "lockedUntil"
       FROM users WHERE username = $1`,
    [username],
  );
  return row;
}

/**
 * Reserves one password check, atomically: the row lock of this one UPDATE serialises concurrent logins (and
 * PostgreSQL re-checks the WHERE on the row it waited for), so at most `maxFailures` checks run between two
 * successes. The reservation counts as a failure until a success resets it; the one that reaches the limit
 * starts the lock at once. An expired lock restarts the count. No row: locked, the password must not be checked.
 */
export async function reserveLoginAttempt(
  db: Queryable,
  userId: number,
  maxFailures: number,
  lockMinutes: number,
): Promise<{ failedLoginCount: number; locked: boolean } | undefined> {
  // Not locked (WHERE), so a non-null locked_until has expired: the count starts again.
  const next = 'CASE WHEN locked_until IS NULL THEN failed_login_count + 1 ELSE 1 END';
  const [row] = await db.query<{ failedLoginCount: number; locked: boolean }>(
    `UPDATE users SET failed_login_count = ${next},
        locked_until = CASE WHEN ${next} >= $2 THEN now() + make_interval(mins => $3) END
      WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
      RETURNING failed_login_count AS "failedLoginCount", locked_until IS NOT NULL AS locked`,
    [userId, maxFailures, lockMinutes],
  );
  return row;
}

export async function resetLoginFailures(tx: Queryable, userId: number): Promise<void> {
  await tx.query('UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1', [userId]);
}

export interface LoginLogInput {
  username: string;
  userId: number | null;
  unitId: number | null;
  ip: string | null;
  userAgent: string | null;
  result: 'success' | 'bad_password' | 'unknown_user' | 'locked' | 'inactive' | 'logout' | 'timeout';
}

export async function insertLoginLog(tx: Queryable, e: LoginLogInput): Promise<void> {
  await tx.query(
    'INSERT INTO login_log (username, user_id, unit_id, ip, user_agent, result) VALUES ($1, $2, $3, $4, $5, $6)',
    [e.username, e.userId, e.unitId, e.ip, e.userAgent?.slice(0, 500) ?? null, e.result],
  );
}

export async function insertSession(
  tx: Queryable,
  s: { tokenHash: string; userId: number; csrfToken: string; ip: string | null; userAgent: string | null },
): Promise<void> {
  await tx.query('INSERT INTO sessions (token_hash, user_id, csrf_token, ip, user_agent) VALUES ($1, $2, $3, $4, $5)', [
    s.tokenHash,
    s.userId,
    s.csrfToken,
    s.ip,
    s.userAgent?.slice(0, 500) ?? null,
  ]);
}

/** Ids of unit `o` and every unit below it, for the data scope. */
export const SCOPE_UNIT_IDS = `(SELECT array_agg(sub.id ORDER BY sub.id) FROM org_units sub WHERE sub.path LIKE o.path || '%')`;

export interface SessionActorRow {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  scopeUnitIds: number[];
  active: boolean;
  csrfToken: string;
  idleSeconds: number;
  roles: { code: string; name: string; permissions: Permission[]; dataScope: DataScope }[] | null;
}

/** One round trip: the session, its user, unit and roles. */
export async function findSessionActor(db: Queryable, tokenHash: string): Promise<SessionActorRow | undefined> {
  const [row] = await db.query<SessionActorRow>(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.unit_id AS "unitId",
            o.name AS "unitName", o.kind AS "unitKind", o.path AS "unitPath", u.active,
            ${SCOPE_UNIT_IDS} AS "scopeUnitIds",
            s.csrf_token AS "csrfToken",
            EXTRACT(EPOCH FROM (now() - s.last_seen_at))::float8 AS "idleSeconds",
            (SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'permissions', r.permissions,
                                               'dataScope', r.data_scope) ORDER BY r.id)
               FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN org_units o ON o.id = u.unit_id
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

/** Touching on every request would write per request; once a minute keeps the idle clock honest. */
export async function touchSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(
    `UPDATE sessions SET last_seen_at = now() WHERE token_hash = $1 AND last_seen_at < now() - interval '60 seconds'`,
    [tokenHash],
  );
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

export async function deleteOtherSessions(db: Queryable, userId: number, keepTokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keepTokenHash]);
}

export async function deleteUserSessions(db: Queryable, userId: number): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteIdleSessions(db: Queryable, idleMinutes: number): Promise<number> {
  const rows = await db.query(
    `DELETE FROM sessions WHERE last_seen_at < now() - make_interval(mins => $1) RETURNING 1`,
    [idleMinutes],
  );
  return rows.length;
}

/** A user with unit and roles, outside a session (CLI --as, a job acting for its creator). */
export interface ActorRow {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  scopeUnitIds: number[];
  active: boolean;
  roles: { code: string; name: string; permissions: Permission[]; dataScope: DataScope }[] | null;
}

/** A user with unit and roles, by name (CLI --as) or id (a job acting for whoever uploaded the file). */
export async function findActorRow(db: Queryable, by: { username: string } | { userId: number }) {
  const [where, value] = 'username' in by ? ['u.username = $1', by.username] : ['u.id = $1', by.userId];
  const [row] = await db.query<ActorRow>(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.unit_id AS "unitId",
            o.name AS "unitName", o.kind AS "unitKind", o.path AS "unitPath", u.active,
            ${SCOPE_UNIT_IDS} AS "scopeUnitIds",
            (SELECT json_agg(json_build_object('code', r.code, 'name', r.name, 'permissions', r.permissions,
                                               'dataScope', r.data_scope) ORDER BY r.id)
               FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles
       FROM users u JOIN org_units o ON o.id = u.unit_id WHERE ${where}`,
    [value],
  );
  return row;
}

/** Failed sign-ins (wrong password, unknown user, locked, inactive) since `since`. */
export async function failedLoginsSince(db: Queryable, since: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_log WHERE at >= $1::timestamptz
        AND result IN ('bad_password', 'unknown_user', 'locked', 'inactive')`,
    [since],
  );
  return row!.n;
}
