import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../src/demo/demo-org.ts';
import { type App, buildApp } from '../../src/server/app.ts';
import { loadConfig, type TConfig } from '../../src/server/config.ts';
import { traceDb, traceOn, traceServer } from './request-trace.ts';
import { createTestDb, type TestDb } from './test-db.ts';

export interface TestApp extends App {
  baseUrl: string;
  testDb: TestDb;
  close(): Promise<void>;
}

/** The real server on a fresh database, listening on a random port: tests talk HTTP to it. */
export async function startTestApp(
  opts: { env?: Record<string, string>; webDist?: string; testDb?: TestDb; now?: () => Date } = {},
): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDb());
  const config: TConfig = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WORKERS: 'false',
    SECRET_KEY: 'test-secret-key-for-personal-data-0123456789',
    AUDIT_KEY: 'test-audit-key-for-checkpoints-0123456789',
    ...opts.env,
  });
  if (traceOn()) traceDb(testDb.db);
  const app = await buildApp({ config, db: testDb.db, webDist: opts.webDist, logger: false, now: opts.now });
  if (traceOn()) traceServer(app);
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.server.address() as AddressInfo;
  return {
    ...app,
    testDb,
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await app.services.jobRunner.stop();
      await app.server.close();
      if (!opts.testDb) await testDb.close();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** The login answer: the user on success, problem+json otherwise. */
type LoginBody = { csrfToken: string; code?: string; detail?: string };

/** A cookie-keeping HTTP client that sends the CSRF token on writes, as the web UI does. */
export class ApiClient {
  /** Cookies by name, as a browser keeps them (the session, and the WAL position of read-your-writes). */
  private readonly jar = new Map<string, string>();
  csrfToken = '';
  constructor(readonly baseUrl: string) {}

  /** The Cookie request header. */
  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  set cookie(header: string) {
    this.jar.clear();
    for (const pair of header.split(';')) this.keep(pair);
  }

  private keep(pair: string) {
    const at = pair.indexOf('=');
    if (at <= 0) return;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value) this.jar.set(name, value);
    else this.jar.delete(name);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const setCookie of res.headers.getSetCookie()) this.keep(setCookie.split(';')[0] ?? '');
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON body (HTML, plain text) stays as text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = unknown>(path: string) => this.request<T>('GET', path);
  post = <T = unknown>(path: string, body?: unknown) => this.request<T>('POST', path, body ?? {});
  patch = <T = unknown>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = unknown>(path: string, body: unknown) => this.request<T>('PUT', path, body);
  delete = <T = unknown>(path: string) => this.request<T>('DELETE', path);

  async login(username: string, password = DEMO_PASSWORD): Promise<ApiResponse<LoginBody>> {
    const res = await this.request<LoginBody>('POST', '/api/v1/auth/login', { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

/** Logs a demo user in and returns their client; fails loudly if the login does not work. */
export async function loginAs(app: TestApp, username: string): Promise<ApiClient> {
  const client = new ApiClient(app.baseUrl);
  const res = await client.login(username);
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}
