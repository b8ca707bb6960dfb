import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { type JsonSchema, leafPaths, sample, withField } from '../../tests/helpers/openapi-samples.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  bodyProps: string[];
  queryNames: string[];
  parameters: Parameter[];
  body?: JsonSchema;
}

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
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
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
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

/** Text PostgreSQL refuses (NUL), text UTF-8 cannot carry (a lone surrogate) and text far past any field's max. */
const badText = [
  { label: 'NUL', body: 'a\u0000b', url: 'a%00b' },
  { label: 'lone surrogate', body: 'a\ud800b', url: 'a%ED%A0%80b' },
  // A URL stays under Node's 16 KB header limit, or the request would not reach the app at all.
  { label: 'over-long', body: 'x'.repeat(100_000), url: 'x'.repeat(8_000) },
];

const urlValue = (p: Parameter) => encodeURIComponent(String(sample(p.schema)));

function buildUrl(op: Operation, bad?: { name: string; in: string; value: string }): string {
  const value = (p: Parameter) => (bad && bad.name === p.name && bad.in === p.in ? bad.value : urlValue(p));
  let path = op.path;
  for (const p of op.parameters.filter((x) => x.in === 'path')) path = path.replace(`{${p.name}}`, value(p));
  const query = op.parameters
    .filter((p) => p.in === 'query' && (p.required || (bad?.in === 'query' && bad.name === p.name)))
    .map((p) => `${p.name}=${value(p)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

describe('text contract: NUL, lone surrogates and over-long strings in any parameter never produce a 5xx', () => {
  let app: TestApp;
  let admin: ApiClient;
  let ops: Operation[];
  before(async () => {
    // Limits high enough that every bad value reaches its handler instead of a 429.
    app = await startTestApp({
      env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_UPLOAD_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    admin = await loginAs(app, 'admin');
    const doc = (await new ApiClient(app.baseUrl).get<OpenApi>('/api/v1/openapi.json')).body;
    ops = operations(doc).filter((op) => !['/api/v1/auth/logout', '/api/v1/auth/password'].includes(op.path));
  });
  after(() => app.close());

  test('a NUL in a search, a public complaint or a path answers 422 naming the field', async () => {
    const anon = new ApiClient(app.baseUrl);
    type P = { code: string; detail: string; errors: { path: string }[] };
    const search = await anon.get<P>('/api/v1/public/spot-checks/results?q=%00');
    assert.equal(search.status, 422);
    assert.match(search.headers.get('content-type') ?? '', /problem\+json/);
    assert.deepEqual([search.body.code, search.body.errors[0]?.path], ['VALIDATION', 'q']);
    assert.match(search.body.detail, /查询参数字段 q：含有不允许的空字符/);
    const intake = await anon.post<P>('/api/v1/public/complaints', {
      kind: 'complaint',
      person: { name: '张三', phone: '13800138000' },
      description: '买到的商品有质量问题\u0000请处理',
    });
    assert.equal(intake.status, 422);
    assert.equal(intake.body.errors[0]?.path, 'description');
    const surrogate = await admin.request<P>('POST', '/api/v1/org/units', '{"name":"a\\ud800"}');
    assert.deepEqual([surrogate.status, surrogate.body.errors[0]?.path], [422, 'name']);
    assert.equal((await admin.get<P>('/api/v1/complaints/1%00')).status, 422);
    const open311 = await fetch(`${app.baseUrl}/open311/v2/services/a%00b.json`);
    assert.equal(open311.status, 422);
  });

  test('every request string in the OpenAPI document has a bound (max length, pattern or enum)', () => {
    const unbounded: string[] = [];
    const walk = (s: JsonSchema, path: string): void => {
      const variants = s.anyOf ?? s.oneOf ?? [];
      for (const [i, x] of variants.entries()) walk(x, variants.length > 1 ? `${path}|${i}` : path);
      if (s.type === 'object') for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`);
      if (s.type === 'array' && s.items) walk(s.items, `${path}[]`);
      if (s.type === 'string' && !s.enum && !s.pattern && !s.format && s.maxLength === undefined) unbounded.push(path);
    };
    for (const op of ops) {
      for (const p of op.parameters) walk(p.schema, `${op.method} ${op.path} ${p.in}:${p.name}`);
      if (op.body) walk(op.body, `${op.method} ${op.path} body`);
    }
    assert.deepEqual(unbounded, []);
  });

  test('every route × every query, path and body field', async () => {
    const failures: string[] = [];
    let sent = 0;
    const check = async (label: string, method: string, url: string, body?: unknown) => {
      const res = await admin.request(method, url, body);
      sent++;
      if (res.status >= 500) failures.push(`${label} → ${res.status}`);
    };
    for (const op of ops) {
      const hasBody = !['GET', 'DELETE', 'HEAD'].includes(op.method);
      const base = op.body ? sample(op.body) : hasBody ? {} : undefined;
      for (const bad of badText) {
        for (const p of op.parameters.filter((x) => x.in === 'query' || x.in === 'path'))
          await check(
            `${op.method} ${op.path} ${p.in} ${p.name} ${bad.label}`,
            op.method,
            buildUrl(op, { name: p.name, in: p.in, value: bad.url }),
            base,
          );
        for (const leaf of op.body ? leafPaths(op.body) : [])
          await check(
            `${op.method} ${op.path} body ${leaf.join('.')} ${bad.label}`,
            op.method,
            buildUrl(op),
            withField(op.body!, base, leaf, bad.body),
          );
      }
    }
    assert.ok(sent > 600, `only ${sent} requests`);
    assert.deepEqual(failures.slice(0, 40), [], `${failures.length} of ${sent} requests answered 5xx`);
  });
});
