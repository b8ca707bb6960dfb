import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

const env = { PUBLIC_RATE_LIMIT_PER_MINUTE: '3' };

async function loginIps(app: TestApp, username: string): Promise<string[]> {
  const rows = await app.testDb.db.query<{ ip: string }>('SELECT ip FROM login_log WHERE username = $1 ORDER BY id', [
    username,
  ]);
  return rows.map((r) => r.ip);
}

/** GETs the portal's category list `n` times, each with a different X-Forwarded-For. */
async function rotatingPortalCalls(app: TestApp, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${app.baseUrl}/api/v1/public/complaints/categories`, {
      headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  }
  return statuses;
}

describe('X-Forwarded-For', () => {
  describe('default: not trusted', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env });
    });
    after(() => app.close());

    test('rotating it does not escape the per-IP portal limit', async () => {
      assert.deepEqual(await rotatingPortalCalls(app, 5), [200, 200, 200, 429, 429]);
    });

    test('the login log and the audit log record the socket address, not the claimed one', async () => {
      await new ApiClient(app.baseUrl).request(
        'POST',
        '/api/v1/auth/login',
        { username: 's01.inspector', password: 'Wrong@2026x' },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      assert.deepEqual(await loginIps(app, 's01.inspector'), ['127.0.0.1']);
      const [audit] = await app.testDb.db.query<{ ip: string }>(
        `SELECT ip FROM audit_log WHERE action = 'auth.login.bad_password' ORDER BY id DESC LIMIT 1`,
      );
      assert.equal(audit?.ip, '127.0.0.1');
    });
  });

  describe('TRUST_PROXY=1: one proxy in front', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { ...env, TRUST_PROXY: '1' } });
    });
    after(() => app.close());

    test('the forwarded address is the client: each one has its own limit and is logged', async () => {
      assert.deepEqual(await rotatingPortalCalls(app, 5), [200, 200, 200, 200, 200]);
      await new ApiClient(app.baseUrl).request(
        'POST',
        '/api/v1/auth/login',
        { username: 's01.inspector', password: 'Wrong@2026x' },
        // Only the hop our proxy appended counts; what the client put in front of it is ignored.
        { 'x-forwarded-for': '10.9.9.9, 203.0.113.9' },
      );
      assert.deepEqual(await loginIps(app, 's01.inspector'), ['203.0.113.9']);
    });
  });

  describe('TRUST_PROXY=<proxy address>', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ env: { ...env, TRUST_PROXY: '127.0.0.1' } });
    });
    after(() => app.close());

    test('a request from the listed proxy is attributed to the address it forwarded', async () => {
      await new ApiClient(app.baseUrl).request(
        'POST',
        '/api/v1/auth/login',
        { username: 's02.inspector', password: 'Wrong@2026x' },
        { 'x-forwarded-for': '203.0.113.20' },
      );
      assert.deepEqual(await loginIps(app, 's02.inspector'), ['203.0.113.20']);
    });
  });
});
