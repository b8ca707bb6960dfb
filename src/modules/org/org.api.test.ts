import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';

describe('org API: units, roles, users and data scope', () => {
  let app: TestApp;
  let admin: ApiClient;
  let units: TOrgUnit[];
  let roles: TRole[];
  const unit = (code: string) => units.find((u) => u.code === code)!;
  const role = (code: string) => roles.find((r) => r.code === code)!;

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    roles = (await admin.get<TRole[]>('/api/v1/org/roles')).body;
  });
  after(() => app.close());

  test('the demo org is a tree: bureau → departments and 8 stations with township codes', () => {
    const bureau = unit('bureau');
    assert.equal(bureau.parentId, null);
    assert.deepEqual(bureau.regionCodes, ['440605']);
    const stations = units.filter((u) => u.kind === 'station');
    assert.equal(stations.length, 8);
    for (const s of stations) {
      assert.equal(s.parentId, bureau.id);
      assert.match(s.regionCodes[0] ?? '', /^440605\d{3}$/);
    }
  });

  test('admin creates a user who can then log in', async () => {
    const res = await admin.post<TUser>('/api/v1/org/users', {
      username: 's01.assistant',
      displayName: '新同事',
      unitId: unit('s01').id,
      roleIds: [role('inspector').id],
      password: 'Welcome#2026',
    });
    assert.equal(res.status, 201);
    assert.equal(res.body.unitName, '桂城市场监管所');
    const login = await new ApiClient(app.baseUrl).login('s01.assistant', 'Welcome#2026');
    assert.equal(login.status, 200);
  });

  test('a weak password is refused with 422 naming the field, and nothing is created', async () => {
    const res = await admin.post<{ errors: { path: string; message: string }[] }>('/api/v1/org/users', {
      username: 'weak.user',
      displayName: '弱密码',
      unitId: unit('s01').id,
      roleIds: [role('inspector').id],
      password: 'abcdefgh',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0]?.path, 'password');
    assert.match(res.body.errors[0]?.message ?? '', /三类/);
    const rows = await app.testDb.db.query(`SELECT 1 FROM users WHERE username = 'weak.user'`);
    assert.equal(rows.length, 0);
  });

  test('a duplicate username is 409 and a missing field 422 with its path', async () => {
    const body = {
      username: 'admin',
      displayName: 'x',
      unitId: unit('bureau').id,
      roleIds: [role('leader').id],
      password: 'Another#2026',
    };
    const dup = await admin.post<{ errors: { path: string }[] }>('/api/v1/org/users', body);
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0]?.path, 'username');
    const { displayName: _, ...missing } = body;
    const res = await admin.post<{ errors: { path: string; message: string }[]; detail: string }>('/api/v1/org/users', {
      ...missing,
      username: 'new.one',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0]?.path, 'displayName');
    assert.match(res.body.detail, /displayName/);
  });

  test('the unit filter takes the units below it when asked', async () => {
    const bureau = unit('bureau').id;
    const only = await admin.get<{ items: TUser[] }>(`/api/v1/org/users?limit=200&unitId=${bureau}`);
    assert.ok(only.body.items.length > 0);
    assert.ok(only.body.items.every((u) => u.unitId === bureau));
    const below = await admin.get<{ items: TUser[] }>(
      `/api/v1/org/users?limit=200&unitId=${bureau}&includeSubUnits=true`,
    );
    assert.ok(below.body.items.some((u) => u.unitId === unit('s01').id));
    assert.ok(below.body.items.length > only.body.items.length);
    const bad = await admin.get<{ errors: { path: string }[] }>('/api/v1/org/users?includeSubUnits=yes');
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]?.path, 'includeSubUnits');
  });

  test('a station chief sees only their own station’s users and cannot act outside it', async () => {
    const chief = await loginAs(app, 's01.chief');
    const list = await chief.get<{ items: TUser[] }>('/api/v1/org/users?limit=200');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.length >= 2);
    assert.ok(list.body.items.every((u) => u.unitId === unit('s01').id));
    const other = (await admin.get<{ items: TUser[] }>('/api/v1/org/users?q=s02.inspector')).body.items[0]!;
    assert.equal((await chief.get(`/api/v1/org/users/${other.id}`)).status, 404);
    const outside = await chief.post('/api/v1/org/users', {
      username: 's02.newbie',
      displayName: '越权',
      unitId: unit('s02').id,
      roleIds: [role('inspector').id],
      password: 'Welcome#2026',
    });
    assert.equal(outside.status, 403);
    const escalate = await chief.post('/api/v1/org/users', {
      username: 's01.boss',
      displayName: '提权',
      unitId: unit('s01').id,
      roleIds: [role('admin').id],
      password: 'Welcome#2026',
    });
    assert.equal(escalate.status, 403);
  });

  test('an inspector has no user administration at all', async () => {
    const inspector = await loginAs(app, 's01.inspector');
    const res = await inspector.get<{ code: string }>('/api/v1/org/users');
    assert.equal(res.status, 403);
    assert.equal(res.body.code, 'FORBIDDEN');
  });

  test('keyset pagination walks every user exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: TUser[]; nextCursor: string | null } } = await admin.get(
        `/api/v1/org/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((u) => u.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const [{ n }] = (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users')) as [
      { n: number },
    ];
    assert.equal(seen.length, n);
    assert.equal(new Set(seen).size, n);
  });

  test('units: create under a parent, stale version → 409', async () => {
    const created = await admin.post<TOrgUnit>('/api/v1/org/units', {
      parentId: unit('s03').id,
      code: 's03-team1',
      name: '里水所第一组',
      kind: 'station',
      regionCodes: ['440605126'],
    });
    assert.equal(created.status, 201);
    const ok = await admin.patch<TOrgUnit>(`/api/v1/org/units/${created.body.id}`, { name: '里水所一组', version: 1 });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, 2);
    const stale = await admin.patch(`/api/v1/org/units/${created.body.id}`, { name: '旧版本', version: 1 });
    assert.equal(stale.status, 409);
    const badRegion = await admin.post<{ errors: { path: string }[] }>('/api/v1/org/units', {
      parentId: unit('s03').id,
      code: 's03-team2',
      name: 'x',
      kind: 'station',
      regionCodes: ['4406'],
    });
    assert.equal(badRegion.status, 422);
    assert.equal(badRegion.body.errors[0]?.path, 'regionCodes.0');
  });

  test('roles: create with permissions and data scope; the admin role is protected', async () => {
    const res = await admin.post<TRole>('/api/v1/org/roles', {
      code: 'assistant',
      name: '协管员',
      permissions: ['entity:read'],
      dataScope: 'self',
    });
    assert.equal(res.status, 201);
    const unknown = await admin.post('/api/v1/org/roles', {
      code: 'bad',
      name: 'x',
      permissions: ['root:all'],
      dataScope: 'all',
    });
    assert.equal(unknown.status, 422);
    const protectedRole = await admin.patch(`/api/v1/org/roles/${role('admin').id}`, { permissions: [], version: 1 });
    assert.equal(protectedRole.status, 409);
  });
});
