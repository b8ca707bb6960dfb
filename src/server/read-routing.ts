import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { runAsCaller } from '../db/read-context.ts';
import { lsnFromClient, openReadRouter, type ReadRouter } from '../db/read-router.ts';
import { SESSION_COOKIE } from '../platform/http.ts';
import type { TConfig } from './config.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SESSION_IN_COOKIE = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`);
/**
 * The primary's WAL position after the caller's last write. Read-your-writes across app nodes: the node that
 * answers the next read may not be the one that took the write, so the client carries the position. A forged value
 * can only send that client's own reads to the primary.
 */
const WAL_COOKIE = 'sj_wal';
const WAL_IN_COOKIE = new RegExp(`(?:^|;\\s*)${WAL_COOKIE}=([^;]+)`);

/** The caller for read-your-writes: the session, or the client address for the public portal and open data. */
function callerKey(req: FastifyRequest): string {
  const token = req.headers.cookie?.match(SESSION_IN_COOKIE)?.[1];
  return token ? `s:${token}` : `ip:${req.ip}`;
}

/** A session cookie set by this response (login): the new session has written too. */
function newSessionKey(setCookie: unknown): string | null {
  const headers = Array.isArray(setCookie) ? setCookie : [setCookie];
  for (const h of headers) {
    const token = typeof h === 'string' ? h.match(SESSION_IN_COOKIE)?.[1] : undefined;
    if (token) return `s:${token}`;
  }
  return null;
}

function walCookie(lsn: string, ttlMs: number, secure: boolean): string {
  const maxAge = Math.ceil(ttlMs / 1000);
  return `${WAL_COOKIE}=${lsn}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * Opens the read replicas named by DATABASE_READ_URL and makes every request a caller of the read router.
 * Returns null without replicas (or on PGlite): then the services' reader is the primary itself.
 */
export async function addReadRouting(server: FastifyInstance, db: Db, config: TConfig): Promise<ReadRouter | null> {
  if (config.DATABASE_READ_URL.length === 0) return null;
  if (db.kind !== 'postgresql') {
    server.log.warn('内嵌数据库（PGlite）没有只读副本：DATABASE_READ_URL 被忽略，读写都由本地数据库处理');
    return null;
  }
  const router = await openReadRouter(db, {
    urls: config.DATABASE_READ_URL,
    maxLagMs: config.REPLICA_MAX_LAG_MS,
    pollMs: config.REPLICA_POLL_MS,
    log: { info: (m) => server.log.info(m), warn: (m) => server.log.warn(m) },
  });
  server.addHook('onRequest', (req, _reply, done) => {
    const key = callerKey(req);
    if (!SAFE_METHODS.has(req.method)) router.beginWrite(key);
    const sinceLsn = lsnFromClient(req.headers.cookie?.match(WAL_IN_COOKIE)?.[1]);
    runAsCaller({ key, sinceLsn }, done);
  });
  // Before the answer leaves: the caller's next request already finds the WAL position of this one's writes.
  server.addHook('onSend', async (req, reply, payload) => {
    if (SAFE_METHODS.has(req.method)) return payload;
    const lsn = await router.endWrite(callerKey(req));
    const session = newSessionKey(reply.getHeader('set-cookie'));
    if (session) await router.endWrite(session);
    if (lsn) reply.header('set-cookie', walCookie(lsn, router.markTtlMs, config.COOKIE_SECURE));
    return payload;
  });
  server.addHook('onClose', async () => router.close());
  return router;
}
