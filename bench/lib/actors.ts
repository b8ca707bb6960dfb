import { allPermissions, type Permission } from '../../src/contracts/permissions.ts';
import type { Db } from '../../src/db/client.ts';
import { SCOPE_UNIT_IDS } from '../../src/modules/auth/repo.ts';
import { builtinRoles } from '../../src/modules/org/builtin-roles.ts';
import type { Actor } from '../../src/platform/actor.ts';

interface UserUnit {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitPath: string;
  scopeUnitIds: number[];
}

async function userUnit(db: Db, username: string): Promise<UserUnit> {
  const [row] = await db.query<UserUnit>(
    `SELECT u.id AS "userId", u.username, u.display_name AS "displayName", o.id AS "unitId", o.name AS "unitName",
            o.kind AS "unitKind", o.path AS "unitPath", ${SCOPE_UNIT_IDS} AS "scopeUnitIds"
       FROM users u JOIN org_units o ON o.id = u.unit_id WHERE u.username = $1`,
    [username],
  );
  if (!row) throw new Error(`bench: demo user ${username} missing (was the demo org loaded?)`);
  return row;
}

/** The callers the service sees: an admin with the whole district, and the 里水 station chief (own station only). */
export async function benchActors(db: Db): Promise<{ admin: Actor; station: Actor }> {
  const chief = builtinRoles.find((r) => r.code === 'station_chief')!;
  const admin: Actor = {
    ...(await userUnit(db, 'admin')),
    roles: [{ code: 'admin', name: '系统管理员' }],
    permissions: new Set<Permission>(allPermissions),
    dataScope: 'all',
    ip: null,
  };
  const station: Actor = {
    ...(await userUnit(db, 's03.chief')),
    roles: [{ code: chief.code, name: chief.name }],
    permissions: new Set<Permission>(chief.permissions),
    dataScope: chief.dataScope,
    ip: null,
  };
  return { admin, station };
}
