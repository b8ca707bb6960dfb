// One app node in its own process (forked by bench/scenarios/nodes.ts): its own event loop, connection pool,
// intake batcher and rate-limit store, on the bench's PostgreSQL database, as a node behind a proxy runs.
import type { AddressInfo } from 'node:net';
import { openPostgres } from '../../src/db/client.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';

export interface AppNodeOptions {
  databaseUrl: string;
  secret: string;
  rateLimitStore: 'memory' | 'database';
  pool: number;
}

if (process.send) {
  process.once('message', async (o: AppNodeOptions) => {
    const db = await openPostgres(o.databaseUrl, { max: o.pool });
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      WORKERS: 'false',
      SECRET_KEY: o.secret,
      AUDIT_KEY: o.secret,
      // A limit the load never reaches, still counted on every request.
      PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_STORE: o.rateLimitStore,
      // As behind nginx: the load generator names its clients in X-Forwarded-For.
      TRUST_PROXY: '1',
    });
    const app = await buildApp({ config, db, logger: false });
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    process.send!({ port: (app.server.server.address() as AddressInfo).port });
    process.once('message', async () => {
      await app.server.close();
      await db.close();
      process.exit(0);
    });
  });
}
