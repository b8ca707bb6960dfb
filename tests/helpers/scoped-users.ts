import type { DataScope, Permission } from '../../src/contracts/permissions.ts';
import { DEMO_PASSWORD } from '../../src/demo/demo-org.ts';
import { type ApiClient, loginAs, type TestApp } from './test-app.ts';

let roles = 0;

/**
 * A user whose one role has data scope `self` and the given permissions, at the unit with this code, logged in.
 * Created through the admin API (so the role and user rules apply); `id` is the new user's id.
 */
export const selfScopedUser = (
  app: TestApp,
  admin: ApiClient,
  opts: { username: string; unitCode: string; permissions: Permission[] },
) => scopedUser(app, admin, { ...opts, dataScope: 'self' });

/** As selfScopedUser, with any data scope. */
export async function scopedUser(
  app: TestApp,
  admin: ApiClient,
  opts: { username: string; unitCode: string; permissions: Permission[]; dataScope: DataScope },
): Promise<{ id: number; client: ApiClient }> {
  const [unit] = await app.testDb.db.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [opts.unitCode]);
  roles++;
  const role = await admin.post<{ id: number }>('/api/v1/org/roles', {
    code: `r${roles}_${opts.username.replace(/[^a-z0-9]/g, '_')}`.slice(0, 32),
    name: `测试角色${roles}`,
    permissions: opts.permissions,
    dataScope: opts.dataScope,
  });
  if (role.status !== 201) throw new Error(`role: ${role.status} ${JSON.stringify(role.body)}`);
  const user = await admin.post<{ id: number }>('/api/v1/org/users', {
    username: opts.username,
    displayName: opts.username,
    unitId: unit!.id,
    roleIds: [role.body.id],
    password: DEMO_PASSWORD,
  });
  if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
  return { id: user.body.id, client: await loginAs(app, opts.username) };
}
