import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';

describe('auth API', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  test('login sets an HttpOnly SameSite=Lax cookie and returns user, permissions and a CSRF token', async () => {
    const client = new ApiClient(app.baseUrl);
    const res = await client.login('admin');
    assert.equal(res.status, 200);
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /sj_session=/);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    const me = await client.get<{ user: { username: string }; permissions: string[]; csrfToken: string }>(
      '/api/v1/auth/me',
    );
    assert.equal(me.status, 200);
    assert.equal(me.body.user.username, 'admin');
    assert.ok(me.body.permissions.includes('org:user:write'));
    assert.equal(me.body.csrfToken, client.csrfToken);
  });

  test('wrong password and unknown user get the same 401 with a Chinese message', async () => {
    const a = await new ApiClient(app.baseUrl).login('leader', 'Wrong@2026');
    const b = await new ApiClient(app.baseUrl).login('nobody', 'Wrong@2026');
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal((a.body as { detail: string }).detail, '用户名或密码错误（连续输错5次将锁定15分钟）');
    assert.deepEqual(a.body, b.body);
  });

  test('the 5th wrong password locks the account for 15 minutes, even against the right password', async () => {
    const client = new ApiClient(app.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.login('s02.inspector', 'Wrong@2026')).status);
    // The lock is not announced: a locked account must not be told apart from an unknown one.
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    const locked = await client.login('s02.inspector');
    assert.equal(locked.status, 401);
    assert.match((locked.body as { detail: string }).detail, /锁定/);
    const [row] = await app.testDb.db.query<{ minutes: number }>(
      `SELECT round(EXTRACT(EPOCH FROM (locked_until - now())) / 60)::int AS minutes FROM users WHERE username = 's02.inspector'`,
    );
    assert.equal(row?.minutes, 15);
    // Once the lock has run out, the right password works again and the counter resets.
    await app.testDb.db.query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 's02.inspector'`,
    );
    assert.equal((await client.login('s02.inspector')).status, 200);
    const [reset] = await app.testDb.db.query<{ n: number }>(
      `SELECT failed_login_count AS n FROM users WHERE username = 's02.inspector'`,
    );
    assert.equal(reset?.n, 0);
  });

  test('every attempt is in the login log with time, IP, user agent and result', async () => {
    const client = new ApiClient(app.baseUrl);
    await client.request(
      'POST',
      '/api/v1/auth/login',
      { username: 's03.chief', password: 'x' },
      { 'user-agent': 'ua-test/1' },
    );
    await client.login('s03.chief');
    const rows = await app.testDb.db.query<{ result: string; ip: string; userAgent: string }>(
      `SELECT result, ip, user_agent AS "userAgent" FROM login_log WHERE username = 's03.chief' ORDER BY id`,
    );
    assert.deepEqual(
      rows.map((r) => r.result),
      ['bad_password', 'success'],
    );
    assert.equal(rows[0]?.userAgent, 'ua-test/1');
    assert.ok(rows[0]?.ip);
  });

  test('writes with the cookie need the CSRF token', async () => {
    const client = await loginAs(app, 'admin');
    const token = client.csrfToken;
    client.csrfToken = '';
    const without = await client.post('/api/v1/auth/logout');
    assert.equal(without.status, 403);
    assert.equal((without.body as { code: string }).code, 'CSRF');
    client.csrfToken = 'wrong';
    assert.equal((await client.post('/api/v1/auth/logout')).status, 403);
    client.csrfToken = token;
    assert.equal((await client.post('/api/v1/auth/logout')).status, 200);
  });

  test('logout ends the session', async () => {
    const client = await loginAs(app, 'leader');
    const cookie = client.cookie;
    assert.equal((await client.post('/api/v1/auth/logout')).status, 200);
    client.cookie = cookie;
    assert.equal((await client.get('/api/v1/auth/me')).status, 401);
  });

  test('a session idle for more than 30 minutes is ended', async () => {
    const client = await loginAs(app, 'hotline');
    await app.testDb.db.query(
      `UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'hotline')`,
    );
    const res = await client.get<{ detail: string }>('/api/v1/auth/me');
    assert.equal(res.status, 401);
    assert.match(res.body.detail, /30分钟/);
  });

  test('sessions live in the database, so a second app process accepts the cookie', async () => {
    const client = await loginAs(app, 's01.chief');
    const second = await startTestApp({ testDb: app.testDb });
    try {
      const other = new ApiClient(second.baseUrl);
      other.cookie = client.cookie;
      const me = await other.get<{ user: { username: string } }>('/api/v1/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 's01.chief');
    } finally {
      await second.close();
    }
  });

  test('a user changes their own password: current one checked, policy enforced, other sessions ended', async () => {
    const here = await loginAs(app, 's04.inspector');
    const elsewhere = await loginAs(app, 's04.inspector');
    const wrong = await here.post<{ errors: { path: string }[] }>('/api/v1/auth/password', {
      currentPassword: 'nope',
      newPassword: 'Better#2026',
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.errors[0]?.path, 'currentPassword');
    const weak = await here.post<{ errors: { path: string }[] }>('/api/v1/auth/password', {
      currentPassword: 'Demo@2026',
      newPassword: 'short',
    });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.errors[0]?.path, 'newPassword');
    assert.equal(
      (await here.post('/api/v1/auth/password', { currentPassword: 'Demo@2026', newPassword: 'Better#2026' })).status,
      200,
    );
    assert.equal((await here.get('/api/v1/auth/me')).status, 200);
    assert.equal((await elsewhere.get('/api/v1/auth/me')).status, 401);
    assert.equal((await new ApiClient(app.baseUrl).login('s04.inspector', 'Better#2026')).status, 200);
  });

  test('requests without a session get 401 problem+json', async () => {
    const res = await new ApiClient(app.baseUrl).get<{ code: string }>('/api/v1/org/users');
    assert.equal(res.status, 401);
    assert.equal(res.body.code, 'UNAUTHENTICATED');
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
