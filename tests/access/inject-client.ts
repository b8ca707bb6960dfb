import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/demo-org.ts';
import { ApiClient, type ApiResponse } from '../helpers/test-app.ts';

/**
 * An ApiClient that talks to the app in process (Fastify's inject): the same routes, hooks and cookies as over
 * HTTP, without sockets, so the matrix's thousand-odd calls stay fast. Each client has its own remote address, so
 * the per-address login limit does not throttle a test that signs in many users. `calls` counts its requests.
 */
export class InjectClient extends ApiClient {
  calls = 0;
  constructor(
    readonly server: FastifyInstance,
    readonly remoteAddress = '127.0.0.1',
  ) {
    super('http://inject');
  }

  override async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    this.calls++;
    const res = await this.server.inject({
      method: method as 'GET',
      url: path,
      remoteAddress: this.remoteAddress,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0] ?? '';
    const responseHeaders = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) responseHeaders.append(k, String(one));
    }
    let parsed: unknown = res.body;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      // non-JSON body (CSV, a file) stays as text
    }
    return { status: res.statusCode, body: parsed as T, headers: responseHeaders };
  }
}

/** Signs a user in through the in-process client; fails loudly if the login does not work. */
export async function injectLogin(
  server: FastifyInstance,
  username: string,
  remoteAddress: string,
  password = DEMO_PASSWORD,
): Promise<InjectClient> {
  const client = new InjectClient(server, remoteAddress);
  const res = await client.login(username, password);
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client;
}
