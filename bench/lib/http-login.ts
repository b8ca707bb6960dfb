import { DEMO_PASSWORD } from '../../src/demo/demo-org.ts';

/** Logs a demo user in over HTTP and returns the session cookie (`sj_session=…`) for later requests. */
export async function loginCookie(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench: login ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sj_session='));
  if (!cookie) throw new Error(`bench: login ${username} set no session cookie`);
  return cookie.split(';')[0]!;
}
