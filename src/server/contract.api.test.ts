import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

interface Operation {
  method: string;
  path: string;
  bodyProps: string[];
  queryNames: string[];
}

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
      }
    >
  >;
};

function operations(doc: OpenApi): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      bodyProps: Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {}),
      queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

const weirdValues = [
  '',
  ' ',
  'abc',
  '%E4%B8',
  '..%2F..',
  '1.5',
  '-1',
  '0',
  '1e400',
  '99999999999999999999999',
  '%00',
  "'; DROP TABLE users;--",
  '中文',
  'x'.repeat(300),
  '[]',
  '{}',
  'null',
  'true',
];

function fillPath(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
}

describe('error contract: malformed requests never produce a 5xx', () => {
  let app: TestApp;
  let admin: ApiClient;
  let ops: Operation[];
  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const doc = (await new ApiClient(app.baseUrl).get<OpenApi>('/api/v1/openapi.json')).body;
    assert.equal(doc.openapi, '3.1.0');
    ops = operations(doc).filter((op) => op.path !== '/api/v1/auth/logout');
  });
  after(() => app.close());

  test('the OpenAPI document lists the API routes', () => {
    const paths = new Set(ops.map((o) => `${o.method} ${o.path}`));
    for (const p of [
      'POST /api/v1/auth/login',
      'GET /api/v1/health',
      'GET /api/v1/org/users',
      'GET /api/v1/audit/verify',
      'GET /api/v1/calendar/working-days/add',
    ]) {
      assert.ok(paths.has(p), `${p} missing from OpenAPI`);
    }
  });

  test('generated malformed bodies, params and queries get 4xx problem+json on every route', async () => {
    const failures: string[] = [];
    const check = async (label: string, res: { status: number; headers: Headers }) => {
      if (res.status >= 500) failures.push(`${label} → ${res.status}`);
      else if (res.status >= 400 && !/problem\+json/.test(res.headers.get('content-type') ?? ''))
        failures.push(`${label} → ${res.status} not problem+json`);
    };
    const anon = new ApiClient(app.baseUrl);
    for (const op of ops) {
      const hasBody = !['GET', 'DELETE', 'HEAD'].includes(op.method);
      for (const v of weirdValues) {
        const path = fillPath(op.path, v);
        const query = op.queryNames.map((n) => `${n}=${encodeURIComponent(v)}`).join('&');
        const url = query ? `${path}?${query}` : path;
        await check(
          `${op.method} ${url}`,
          await admin.request(op.method, url, hasBody ? { [op.bodyProps[0] ?? 'x']: v } : undefined),
        );
        await check(`anon ${op.method} ${url}`, await anon.request(op.method, url, hasBody ? {} : undefined));
      }
      if (!hasBody) continue;
      const path = fillPath(op.path, '1');
      await check(`${op.method} ${path} bad JSON`, await admin.request(op.method, path, '{"a":'));
      await check(
        `${op.method} ${path} text/plain`,
        await admin.request(op.method, path, 'hello', { 'content-type': 'text/plain' }),
      );
      const bodies = fc.sample(
        fc.oneof(
          fc.jsonValue(),
          fc.record(Object.fromEntries(op.bodyProps.map((p) => [p, fc.jsonValue()])), { requiredKeys: [] }),
        ),
        { numRuns: 25, seed: 20261125 },
      );
      for (const body of bodies) {
        await check(
          `${op.method} ${path} ${JSON.stringify(body).slice(0, 80)}`,
          await admin.request(op.method, path, JSON.stringify(body ?? null)),
        );
      }
    }
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
  });

  test('unknown route → 404 JSON, malformed JSON → 400, oversized body → 413', async () => {
    const unknown = await admin.get<{ code: string; detail: string }>('/api/v1/no-such-thing');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'NOT_FOUND');
    // Not the login route: the fuzzing above has used up its rate limit (which answers 429, also a 4xx).
    const badJson = await admin.request<{ code: string }>('POST', '/api/v1/org/units', '{"name": ');
    assert.equal(badJson.status, 400);
    assert.equal(badJson.body.code, 'BAD_REQUEST');
    const big = await admin.request<{ code: string }>(
      'POST',
      '/api/v1/org/units',
      JSON.stringify({ name: 'y'.repeat(2 * 1024 * 1024) }),
    );
    assert.equal(big.status, 413);
    assert.equal(big.body.code, 'PAYLOAD_TOO_LARGE');
  });

  test('health reports the database kind', async () => {
    const res = await new ApiClient(app.baseUrl).get<{ status: string; database: string }>('/api/v1/health');
    assert.deepEqual(res.body, { status: 'ok', database: app.testDb.db.kind });
  });
});
