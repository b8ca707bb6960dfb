import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { webDist } from '../../tests/e2e/helpers.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

/** One path of each kind with the status it answers: API, problem+json errors, static page, docs. */
const paths = {
  api: ['/api/v1/health', 200],
  notFound: ['/api/v1/no-such-route', 404],
  unauthenticated: ['/api/v1/org/users', 401],
  validation: ['/api/v1/public/spot-checks/results?limit=0', 422],
  badUrl: ['/api/v1/org/users/%E0%A4%A', 400],
  page: ['/login', 200],
  docs: ['/api/docs', 200],
  docsJson: ['/api/docs/json', 200],
  openapi: ['/api/v1/openapi.json', 200],
} as const;

async function headersOf(app: TestApp, path: string, status = 200): Promise<Headers> {
  const res = await fetch(`${app.baseUrl}${path}`);
  await res.arrayBuffer();
  assert.equal(res.status, status, path);
  return res.headers;
}

describe('security headers', () => {
  let app: TestApp;
  before(async () => {
    // The headers of the real built page and its assets are the point: build the web UI as `npm start` would.
    const build = spawnSync(process.execPath, ['scripts/ensure-web-build.mjs'], { stdio: 'inherit' });
    assert.equal(build.status, 0, 'the web UI builds');
    app = await startTestApp({ webDist });
  });
  after(() => app.close());

  test('every kind of response carries nosniff, no framing and a referrer policy', async () => {
    const [, asset] = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${app.baseUrl}/`)).text()) ?? [];
    assert.ok(asset, 'the built index.html names its script');
    for (const [path, status] of [...Object.values(paths), [asset, 200] as const]) {
      const h = await headersOf(app, path, status);
      assert.equal(h.get('x-content-type-options'), 'nosniff', path);
      assert.equal(h.get('x-frame-options'), 'DENY', path);
      assert.equal(h.get('referrer-policy'), 'same-origin', path);
      assert.match(h.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(h.get('strict-transport-security'), null, `${path}: no HSTS over plain HTTP`);
    }
  });

  test('the CSP allows scripts from our origin only, never inline', async () => {
    for (const [path] of [paths.page, paths.docs]) {
      const csp = (await headersOf(app, path)).get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      assert.equal(scriptSrc, "'self'", `${path}: ${csp}`);
      assert.match(csp, /script-src-attr 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /default-src 'self'/);
      assert.doesNotMatch(csp, /upgrade-insecure-requests/);
    }
  });

  test('the built page and the docs page contain no inline script the CSP would block', async () => {
    for (const [path] of [paths.page, paths.docs]) {
      const html = await (await fetch(`${app.baseUrl}${path}`)).text();
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0, path);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs ?? '', /\bsrc=/, `${path}: inline script`);
        assert.equal((body ?? '').trim(), '', `${path}: inline script body`);
      }
      assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: inline event handler`);
    }
  });

  test('behind HTTPS (COOKIE_SECURE=true) HSTS is sent and insecure requests are upgraded', async () => {
    const secure = await startTestApp({ testDb: app.testDb, env: { COOKIE_SECURE: 'true' } });
    try {
      const h = await headersOf(secure, paths.api[0]);
      assert.match(h.get('strict-transport-security') ?? '', /^max-age=15552000$/);
      assert.match(h.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
    } finally {
      await secure.close();
    }
  });
});
