import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { builtinRoles } from './builtin-roles.ts';
import { insertRole, insertUnit, insertUser, setUserRoles } from './repo.ts';

/**
 * A production install without demo data: the built-in roles, one bureau and an `admin` whose random
 * password is shown once, so the operator can sign in and build the real org tree in the UI.
 */
export async function loadBaseline(db: Db, bureauName = '市场监督管理局'): Promise<{ password: string }> {
  const password = `Sj@${randomBytes(9).toString('base64url')}`;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const bureau = await insertUnit(tx, {
      parentId: null,
      parentPath: '/',
      code: 'bureau',
      name: bureauName,
      kind: 'bureau',
      regionCodes: [],
      sortOrder: 0,
    });
    let adminRoleId = 0;
    for (const r of builtinRoles) {
      const role = await insertRole(tx, { ...r, builtin: true });
      if (r.code === 'admin') adminRoleId = role.id;
    }
    const id = await insertUser(tx, {
      username: 'admin',
      displayName: '系统管理员',
      unitId: bureau.id,
      phone: null,
      passwordHash,
    });
    await setUserRoles(tx, id, [adminRoleId]);
    await appendAudit(tx, null, { action: 'system.baseline.load', detail: { bureauName } });
  });
  return { password };
}
