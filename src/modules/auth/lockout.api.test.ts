import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo/demo-org.ts';
import { AppError } from '../../platform/errors.ts';

const burst = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('login lock-out under concurrency, and no account probing', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.close());

  /** Login-log results for one user; each bad_password or success row is one real password check. */
  async function results(username: string): Promise<Record<string, number>> {
    const rows = await app.testDb.db.query<{ result: string; n: number }>(
      'SELECT result, count(*)::int AS n FROM login_log WHERE username = $1 GROUP BY result',
      [username],
    );
    return Object.fromEntries(rows.map((r) => [r.result, r.n]));
  }

  async function loginMany(username: string, passwords: string[]) {
    const meta = { ip: '192.0.2.10', userAgent: 'burst-test' };
    return Promise.allSettled(passwords.map((password) => app.services.auth.login({ username, password }, meta)));
  }

  test('100 simultaneous wrong logins check at most LOGIN_MAX_FAILURES passwords and lock the account', async () => {
    const outcomes = await loginMany(
      's05.inspector',
      burst(100).map((i) => `Wrong@${i}x`),
    );
    assert.deepEqual(await results('s05.inspector'), { bad_password: 5, locked: 95 });
    for (const o of outcomes) {
      assert.equal(o.status, 'rejected');
      assert.ok(o.reason instanceof AppError);
      assert.equal(o.reason.code, 'UNAUTHENTICATED');
    }
    const [row] = await app.testDb.db.query<{ minutes: number; n: number }>(
      `SELECT round(EXTRACT(EPOCH FROM (locked_until - now())) / 60)::int AS minutes, failed_login_count AS n
         FROM users WHERE username = 's05.inspector'`,
    );
    assert.equal(row?.minutes, 15);
    assert.equal(row?.n, 5);
  });

  test('while locked, a burst that contains the right password logs nobody in and checks no password', async () => {
    const before = await results('s05.inspector');
    const outcomes = await loginMany('s05.inspector', [
      ...burst(10).map((i) => `Wrong@${i}y`),
      DEMO_PASSWORD,
      ...burst(10).map((i) => `Wrong@${i}z`),
    ]);
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    const now = await results('s05.inspector');
    assert.equal(now.bad_password, before.bad_password);
    assert.equal(now.success, undefined);
    assert.equal(now.locked, (before.locked ?? 0) + 21);
    const sessions = await app.testDb.db.query(
      `SELECT 1 FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 's05.inspector')`,
    );
    assert.equal(sessions.length, 0);
  });

  test('once the lock has run out the count starts again, and a success resets it', async () => {
    await app.testDb.db.query(
      `UPDATE users SET locked_until = now() - interval '1 second' WHERE username = 's05.inspector'`,
    );
    const outcomes = await loginMany(
      's05.inspector',
      burst(3).map((i) => `Wrong@${i}w`),
    );
    assert.ok(outcomes.every((o) => o.status === 'rejected'));
    const [mid] = await app.testDb.db.query<{ n: number; locked: boolean }>(
      `SELECT failed_login_count AS n, locked_until IS NOT NULL AND locked_until > now() AS locked
         FROM users WHERE username = 's05.inspector'`,
    );
    assert.deepEqual(mid, { n: 3, locked: false });
    assert.equal((await new ApiClient(app.baseUrl).login('s05.inspector')).status, 200);
    const [reset] = await app.testDb.db.query<{ n: number }>(
      `SELECT failed_login_count AS n FROM users WHERE username = 's05.inspector'`,
    );
    assert.equal(reset?.n, 0);
  });

  test('a locked account answers exactly like an unknown one, and the lock is in the login log', async () => {
    const client = new ApiClient(app.baseUrl);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await client.login('s06.inspector', `Wrong@${i}x`));
    const locked = await client.login('s06.inspector', DEMO_PASSWORD);
    const unknown = await client.login('no.such.user', DEMO_PASSWORD);
    const wrong = await client.login('s07.inspector', 'Wrong@2026x');
    for (const res of [...answers, locked, wrong]) {
      assert.equal(res.status, unknown.status);
      assert.deepEqual(res.body, unknown.body);
    }
    assert.equal(unknown.status, 401);
    assert.match(String(unknown.body.detail), /用户名或密码错误/);
    assert.deepEqual(await results('s06.inspector'), { bad_password: 5, locked: 1 });
  });
});
