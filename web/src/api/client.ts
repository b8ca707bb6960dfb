import type { z } from 'zod';
import { ApiError } from './errors.ts';

const BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions<S extends z.ZodType> {
  method?: Method;
  query?: Query;
  body?: unknown;
  schema: S;
  signal?: AbortSignal;
  /** The login call and the session probe expect 401 and must not trigger the redirect to /login. */
  expectUnauthenticated?: boolean;
}

/**
 * A list endpoint's query as the web sends it, inferred from the contract's zod schema: its input type, with the
 * coerced numbers (`limit`, input type unknown) as numbers.
 */
export type QueryInput<S extends z.ZodType> = {
  [K in keyof z.input<S>]: unknown extends z.input<S>[K] ? number | undefined : z.input<S>[K];
};

/** What a read accepts besides its parameters: the query's AbortSignal, so a left page cancels its fetch. */
export interface CallOptions {
  signal?: AbortSignal;
}

let csrfToken = '';
let onUnauthenticated: ((detail: string) => void) | undefined;
let onWrite: ((path: string) => void) | undefined;

/** The session's CSRF token, from the login or /auth/me response; sent on every write. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setUnauthenticatedHandler(handler: ((detail: string) => void) | undefined): void {
  onUnauthenticated = handler;
}

/** Told the path of every successful write (the query cache marks that module's reads stale). */
export function setWriteListener(listener: ((path: string) => void) | undefined): void {
  onWrite = listener;
}

/** For the few calls that post with fetch() themselves (multipart, idempotency keys). */
export function notifyWrite(path: string): void {
  onWrite?.(path);
}

export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function request<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.output<S>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file uploads) is multipart: the browser sets the content type with its boundary.
  const form = opts.body instanceof FormData ? opts.body : undefined;
  if (opts.body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}${toQueryString(opts.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: form ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      signal: opts.signal,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw ApiError.network();
  }
  if (!res.ok) {
    const error = await ApiError.fromResponse(res);
    if (error.status === 401 && !opts.expectUnauthenticated) onUnauthenticated?.(error.detail);
    throw error;
  }
  // The write is done even if its answer then fails the contract: the cache must learn of it either way.
  if (method !== 'GET') notifyWrite(path);
  const parsed = opts.schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw ApiError.contract(path);
  return parsed.data;
}
