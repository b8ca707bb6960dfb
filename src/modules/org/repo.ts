import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';
import type { DataScope, Permission } from '../../contracts/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import { escapeLike, Where } from '../../db/sql.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

const unitColumns = `id, parent_id AS "parentId", code, name, kind, region_codes AS "regionCodes",
  sort_order AS "sortOrder", active, version`;

export type OrgUnitRow = TOrgUnit & { path: string };

export async function listUnits(db: Queryable): Promise<OrgUnitRow[]> {
  return db.query<OrgUnitRow>(`SELECT ${unitColumns}, path FROM org_units ORDER BY path, sort_order, id`);
}

/** Active stations in their display order, with the township codes they cover. */
export async function listActiveStations(
  db: Queryable,
): Promise<{ id: number; code: string; regionCodes: string[] }[]> {
  return db.query(
    `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' AND active
      ORDER BY sort_order, id`,
  );
}

export async function findUnit(db: Queryable, id: number): Promise<OrgUnitRow | undefined> {
  const [row] = await db.query<OrgUnitRow>(`SELECT ${unitColumns}, path FROM org_units WHERE id = $1`, [id]);
  return row;
}

export interface UnitInsert {
  parentId: number | null;
  parentPath: string;
  code: string;
  name: string;
  kind: string;
  regionCodes: string[];
  sortOrder: number;
}

export async function insertUnit(tx: Queryable, u: UnitInsert): Promise<OrgUnitRow> {
  // The path needs the new id, so it is set in the same statement from the identity value.
  const [row] = await tx.query<OrgUnitRow>(
    `WITH next AS (SELECT nextval(pg_get_serial_sequence('org_units', 'id')) AS id)
     INSERT INTO org_units (id, parent_id, code, name, kind, region_codes, sort_order, path)
     OVERRIDING SYSTEM VALUE
     SELECT next.id, $1, $2, $3, $4, $5, $6, $7 || next.id || '/' FROM next
     RETURNING ${unitColumns}, path`,
    [u.parentId, u.code, u.name, u.kind, u.regionCodes, u.sortOrder, u.parentPath],
  );
  return row!;
}

/** The columns of a patch that are given (undefined keeps a column; null, where allowed, clears it). */
const given = (cols: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));

export async function updateUnit(
  tx: Queryable,
  id: number,
  version: number,
  patch: { name?: string; kind?: string; regionCodes?: string[]; sortOrder?: number; active?: boolean },
): Promise<OrgUnitRow | undefined> {
  const set = given({
    name: patch.name,
    kind: patch.kind,
    region_codes: patch.regionCodes,
    sort_order: patch.sortOrder,
    active: patch.active,
  });
  return (await updateVersioned(tx, 'org_units', { id, version }, set)) ? findUnit(tx, id) : undefined;
}

const roleColumns = 'id, code, name, permissions, data_scope AS "dataScope", builtin, version';

export async function listRoles(db: Queryable): Promise<TRole[]> {
  return db.query<TRole>(`SELECT ${roleColumns} FROM roles ORDER BY id`);
}

export async function findRolesByIds(db: Queryable, ids: number[]): Promise<TRole[]> {
  return db.query<TRole>(`SELECT ${roleColumns} FROM roles WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
}

export async function insertRole(
  tx: Queryable,
  r: { code: string; name: string; permissions: Permission[]; dataScope: DataScope; builtin?: boolean },
): Promise<TRole> {
  const [row] = await tx.query<TRole>(
    `INSERT INTO roles (code, name, permissions, data_scope, builtin) VALUES ($1, $2, $3, $4, $5) RETURNING ${roleColumns}`,
    [r.code, r.name, r.permissions, r.dataScope, r.builtin ?? false],
  );
  return row!;
}

export async function updateRole(
  tx: Queryable,
  id: number,
  version: number,
  patch: { name?: string; permissions?: Permission[]; dataScope?: DataScope },
): Promise<TRole | undefined> {
  const set = given({ name: patch.name, permissions: patch.permissions, data_scope: patch.dataScope });
  if (!(await updateVersioned(tx, 'roles', { id, version }, set))) return undefined;
  const [row] = await findRolesByIds(tx, [id]);
  return row;
}

const userColumns = `u.id, u.username, u.display_name AS "displayName", u.unit_id AS "unitId", o.name AS "unitName",
  u.phone, u.enforcement_credential_no AS "enforcementCredentialNo",
  u.enforcement_credential_expires_on AS "enforcementCredentialExpiresOn", u.active, (u.locked_until IS NOT NULL AND u.locked_until > now()) AS locked, u.version,
  u.created_at AS "createdAt",
  COALESCE((SELECT array_agg(ur.role_id ORDER BY ur.role_id) FROM user_roles ur WHERE ur.user_id = u.id), '{}') AS "roleIds"`;

export type UserRow = TUser & { unitPath: string };

export async function findUser(db: Queryable, id: number): Promise<UserRow | undefined> {
  const [row] = await db.query<UserRow>(
    `SELECT ${userColumns}, o.path AS "unitPath" FROM users u JOIN org_units o ON o.id = u.unit_id WHERE u.id = $1`,
    [id],
  );
  return row;
}

/** The caller's readable rows (access.ts readableWhere, bound to the caller by the service). */
export type Readable = (w: Where) => Where;

export interface UserFilter {
  unitId?: number;
  includeSubUnits?: boolean;
  q?: string;
  afterId?: number;
  limit: number;
}

export async function listUsers(db: Queryable, readable: Readable, f: UserFilter): Promise<UserRow[]> {
  const w = readable(new Where())
    .addIf(f.includeSubUnits ? undefined : f.unitId, 'u.unit_id = ?')
    .addIf(f.includeSubUnits ? f.unitId : undefined, "o.path LIKE (SELECT path || '%' FROM org_units WHERE id = ?)")
    .addIf(f.afterId, 'u.id > ?');
  if (f.q) w.add('(u.username LIKE ? OR u.display_name LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  const limit = w.param(f.limit);
  return db.query<UserRow>(
    `SELECT ${userColumns}, o.path AS "unitPath" FROM users u JOIN org_units o ON o.id = u.unit_id
      ${w} ORDER BY u.id LIMIT ${limit}`,
    w.params,
  );
}

export async function insertUser(
  tx: Queryable,
  u: {
    username: string;
    displayName: string;
    unitId: number;
    phone: string | null;
    passwordHash: string;
    enforcementCredentialNo?: string | null;
    enforcementCredentialExpiresOn?: string | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO users (username, display_name, unit_id, phone, password_hash, enforcement_credential_no,
       enforcement_credential_expires_on) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      u.username,
      u.displayName,
      u.unitId,
      u.phone,
      u.passwordHash,
      u.enforcementCredentialNo ?? null,
      u.enforcementCredentialExpiresOn ?? null,
    ],
  );
  return row!.id;
}

export async function setUserRoles(tx: Queryable, userId: number, roleIds: number[]): Promise<void> {
  await tx.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  await tx.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::bigint[])', [userId, roleIds]);
}

export async function updateUser(
  tx: Queryable,
  id: number,
  version: number,
  patch: {
    displayName?: string;
    unitId?: number;
    phone?: string | null;
    active?: boolean;
    enforcementCredentialNo?: string | null;
    enforcementCredentialExpiresOn?: string | null;
  },
): Promise<boolean> {
  const set = given({
    display_name: patch.displayName,
    unit_id: patch.unitId,
    phone: patch.phone,
    active: patch.active,
    enforcement_credential_no: patch.enforcementCredentialNo,
    enforcement_credential_expires_on: patch.enforcementCredentialExpiresOn,
  });
  return updateVersioned(tx, 'users', { id, version }, set);
}

export async function setPassword(tx: Queryable, id: number, passwordHash: string): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2, password_changed_at = now(), failed_login_count = 0, locked_until = NULL,
        version = version + 1, updated_at = now() WHERE id = $1`,
    [id, passwordHash],
  );
}

export async function unlockUser(tx: Queryable, id: number): Promise<void> {
  await tx.query('UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1', [id]);
}
