import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';

type Problem = { code: string; detail: string };

describe('user administration: nobody manages or grants more than they hold', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let units: TOrgUnit[];
  let roles: TRole[];
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const roleId = (code: string) => roles.find((r) => r.code === code)!.id;
  const users: Record<string, TUser> = {};

  async function createUser(username: string, roleCode: string) {
    const res = await admin.post<TUser>('/api/v1/org/users', {
      username,
      displayName: username,
      unitId: unitId('s01'),
      roleIds: [roleId(roleCode)],
      password: 'Welcome#2026',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    users[username] = res.body;
  }
  const fresh = async (name: string) => (await admin.get<TUser>(`/api/v1/org/users/${users[name]!.id}`)).body;

  /** The four ways to change someone else's account, as `actor` does them. */
  async function changes(actor: ApiClient, name: string): Promise<Record<string, number>> {
    const id = users[name]!.id;
    await app.testDb.db.query(`UPDATE users SET locked_until = now() + interval '5 minutes' WHERE id = $1`, [id]);
    const reset = await actor.post(`/api/v1/org/users/${id}/reset-password`, { password: 'Takeover#2026' });
    const edit = await actor.patch(`/api/v1/org/users/${id}`, {
      phone: '13900000000',
      version: (await fresh(name)).version,
    });
    const unlock = await actor.post(`/api/v1/org/users/${id}/unlock`);
    const role = await actor.patch(`/api/v1/org/users/${id}`, {
      roleIds: [roleId('inspector')],
      version: (await fresh(name)).version,
    });
    const disable = await actor.patch(`/api/v1/org/users/${id}`, {
      active: false,
      version: (await fresh(name)).version,
    });
    for (const res of [reset, edit, unlock, role, disable]) {
      if (res.status === 403) {
        assert.equal((res.body as Problem).code, 'FORBIDDEN');
        assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
        assert.match((res.body as Problem).detail, /超出/);
      }
    }
    return {
      reset: reset.status,
      edit: edit.status,
      unlock: unlock.status,
      role: role.status,
      disable: disable.status,
    };
  }

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    const auditor = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'login_auditor',
      name: '登录审计员',
      permissions: ['audit:login:read'],
      dataScope: 'unit_and_below',
    });
    assert.equal(auditor.status, 201);
    roles = (await admin.get<TRole[]>('/api/v1/org/roles')).body;
    await createUser('s01.helper', 'inspector');
    await createUser('s01.wide', 'hotline'); // data scope "all", permissions the chief also holds
    await createUser('s01.auditor', 'login_auditor'); // station scope, a permission the chief lacks
  });
  after(() => app.close());

  test('a station chief manages an inspector of their station', async () => {
    assert.deepEqual(await changes(chief, 's01.helper'), {
      reset: 200,
      edit: 200,
      unlock: 200,
      role: 200,
      disable: 200,
    });
  });

  test('a station chief cannot touch an all-scope user of their own station', async () => {
    const refused = { reset: 403, edit: 403, unlock: 403, role: 403, disable: 403 };
    assert.deepEqual(await changes(chief, 's01.wide'), refused);
    const after = await fresh('s01.wide');
    assert.equal(after.phone, null);
    assert.equal(after.active, true);
    assert.deepEqual(after.roleIds, [roleId('hotline')]);
    assert.equal((await new ApiClient(app.baseUrl).login('s01.wide', 'Takeover#2026')).status, 401);
  });

  test('… nor a user of their station holding a permission they lack', async () => {
    const refused = { reset: 403, edit: 403, unlock: 403, role: 403, disable: 403 };
    assert.deepEqual(await changes(chief, 's01.auditor'), refused);
  });

  test('a station chief cannot hand out a role wider than their own, also not when creating a user', async () => {
    const id = users['s01.helper']!.id;
    const grant = await chief.patch<Problem>(`/api/v1/org/users/${id}`, {
      roleIds: [roleId('hotline')],
      version: (await fresh('s01.helper')).version,
    });
    assert.equal(grant.status, 403);
    assert.match(grant.body.detail, /12315话务处理人员/);
    const create = await chief.post<Problem>('/api/v1/org/users', {
      username: 's01.wide2',
      displayName: '全局话务',
      unitId: unitId('s01'),
      roleIds: [roleId('hotline')],
      password: 'Welcome#2026',
    });
    assert.equal(create.status, 403);
    assert.equal(create.body.code, 'FORBIDDEN');
    assert.equal((await app.testDb.db.query(`SELECT 1 FROM users WHERE username = 's01.wide2'`)).length, 0);
  });

  test('a role keeper creates and edits roles only within their own permissions and scope', async () => {
    const keeperRole = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'role_keeper',
      name: '角色维护员',
      permissions: ['org:role:read', 'org:role:write', 'entity:read'],
      dataScope: 'unit_and_below',
    });
    assert.equal(keeperRole.status, 201);
    roles.push(keeperRole.body);
    await createUser('s01.keeper', 'role_keeper');
    const keeper = new ApiClient(app.baseUrl);
    assert.equal((await keeper.login('s01.keeper', 'Welcome#2026')).status, 200);
    const narrow = await keeper.post<TRole>('/api/v1/org/roles', {
      code: 'reader',
      name: '只读',
      permissions: ['entity:read'],
      dataScope: 'self',
    });
    assert.equal(narrow.status, 201);
    const wider = { code: 'wider', name: '更宽', permissions: ['entity:read'], dataScope: 'all' };
    assert.equal((await keeper.post('/api/v1/org/roles', wider)).status, 403);
    const more = { code: 'more', name: '更多', permissions: ['audit:read'], dataScope: 'self' };
    assert.equal((await keeper.post('/api/v1/org/roles', more)).status, 403);
    const widen = { permissions: ['entity:read', 'entity:write'], version: narrow.body.version };
    assert.equal((await keeper.patch(`/api/v1/org/roles/${narrow.body.id}`, widen)).status, 403);
    const hotline = roles.find((r) => r.code === 'hotline')!;
    const shrink = { permissions: ['entity:read'], version: hotline.version };
    assert.equal((await keeper.patch(`/api/v1/org/roles/${hotline.id}`, shrink)).status, 403);
  });

  test('the admin manages every one of them', async () => {
    for (const name of ['s01.wide', 's01.auditor']) {
      assert.deepEqual(await changes(admin, name), { reset: 200, edit: 200, unlock: 200, role: 200, disable: 200 });
    }
  });
});
