import type { Db } from '../../src/db/client.ts';
import type { App } from '../../src/server/app.ts';

/**
 * E2E_TRACE=1: the test server prints its slow database calls (> 300 ms), every write and slow request with its
 * duration, and each stall of the event loop it shares with PGlite and Playwright. For a timeout in a browser test:
 * it tells a server that did not answer from a page that never asked.
 */
export const traceOn = () => Boolean(process.env.E2E_TRACE);

const t0 = performance.now();
const stamp = () => `[trace ${((performance.now() - t0) / 1000).toFixed(1)}s]`;

export function traceDb(db: Db): void {
  const timed =
    <A extends unknown[], R>(name: string, fn: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      const start = performance.now();
      try {
        return await fn(...a);
      } finally {
        const ms = performance.now() - start;
        const sql = typeof a[0] === 'string' ? a[0].replace(/\s+/g, ' ').slice(0, 100) : '';
        if (ms > 300) console.log(`${stamp()} db.${name} ${ms.toFixed(0)}ms ${sql}`);
      }
    };
  db.query = timed('query', db.query.bind(db)) as Db['query'];
  db.exec = timed('exec', db.exec.bind(db));
  db.transaction = timed('transaction', db.transaction.bind(db)) as Db['transaction'];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 350) console.log(`${stamp()} event loop stalled ${(now - last - 100).toFixed(0)}ms`);
    last = now;
  }, 100).unref();
}

export function traceServer(app: App): void {
  const starts = new WeakMap<object, number>();
  app.server.addHook('onRequest', async (req) => {
    starts.set(req, performance.now());
  });
  app.server.addHook('onResponse', async (req, reply) => {
    const start = starts.get(req);
    const ms = start === undefined ? Number.NaN : performance.now() - start;
    if (!(ms <= 300) || req.method !== 'GET')
      console.log(`${stamp()} ${req.method} ${req.url} ${reply.statusCode} ${ms.toFixed(0)}ms`);
  });
}
