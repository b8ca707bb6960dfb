import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { AppNodeOptions } from '../lib/app-node.ts';
import { loadInChild } from '../lib/load.ts';
import type { LoadJob, LoadResult } from '../lib/load-generator.ts';
import type { ResultRow } from '../lib/report.ts';
import type { ScenarioContext, ScenarioResult } from '../lib/scenario.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const POOL = Number(process.env.BENCH_NODE_POOL ?? 10);
/** People submitting, each its own address and so its own rate-limit counter (a portal's traffic). */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const appNode = fileURLToPath(new URL('../lib/app-node.ts', import.meta.url));

// The intake scenario's portal submission: distinct people, one Idempotency-Key each.
const portalBody = JSON.stringify({
  kind: 'complaint',
  person: { name: '多节点压测', phone: '137{{n}}' },
  business: { name: '佛山市南海区某某餐饮店', address: '南海区里水镇和顺大道{{n}}号' },
  categoryCode: 'service.catering',
  amountFen: 12_800,
  description: '在店内就餐后发现菜品变质，要求退款并赔偿。编号{{n}}',
});

/** The bench database's URL, as bench/lib/bench-db.ts names it. */
function benchDatabaseUrl(): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.BENCH_DATABASE_NAME ?? 'shijian_bench'}`;
  return url.toString();
}

interface RunningNode {
  url: string;
  stop(): Promise<void>;
}

function startNode(o: AppNodeOptions): Promise<RunningNode> {
  return new Promise((resolve, reject) => {
    const child = fork(appNode, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.once('error', reject);
    child.once('message', (m) => {
      const { port } = m as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/api/v1/public/complaints`,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.send('stop');
          }),
      });
    });
    child.send(o);
  });
}

async function measure(
  ctx: ScenarioContext,
  label: string,
  nodes: number,
  rateLimitStore: AppNodeOptions['rateLimitStore'],
  tag: string,
  clients: number | undefined = CLIENTS,
) {
  const opts = { databaseUrl: benchDatabaseUrl(), secret: ctx.secret, rateLimitStore, pool: POOL };
  const running = await Promise.all(Array.from({ length: nodes }, () => startNode(opts)));
  try {
    ctx.log(`${label}: ${CONCURRENCY} connections for ${SECONDS} s`);
    const job: LoadJob = {
      url: running[0]!.url,
      urls: running.map((n) => n.url),
      body: portalBody,
      idempotencyKey: `bench-nodes-${tag}-{{n}}`,
      clients,
      concurrency: CONCURRENCY,
      warmupSeconds: 3,
      seconds: SECONDS,
    };
    return await loadInChild(job);
  } finally {
    await Promise.all(running.map((n) => n.stop()));
  }
}

/** The whole chain, as the app verifies it (its checkpoints included). */
async function verifyAuditChain(ctx: ScenarioContext) {
  const config = loadConfig({
    NODE_ENV: 'production',
    WORKERS: 'false',
    SECRET_KEY: ctx.secret,
    AUDIT_KEY: ctx.secret,
  });
  const app = await buildApp({ config, db: ctx.db, logger: false });
  try {
    return await app.services.audit.verify();
  } finally {
    await app.server.close();
  }
}

const row = (metric: string, r: LoadResult, note = ''): ResultRow => ({
  scenario: 'nodes',
  metric,
  value: r.perSecond,
  unit: 'req/s',
  note: `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, statuses ${JSON.stringify(r.statuses)}${note}`,
});

/**
 * Public 12315 intake through 1 app node and through 2 (each its own process, pool, group-commit batcher), on
 * one PostgreSQL, in the same run; and what the shared rate-limit counters cost one node against in-memory ones.
 */
export async function nodesScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  if (ctx.kind !== 'postgres') throw new Error('scenario nodes: --db postgres (several processes on one database)');
  const memory = await measure(ctx, '1 node, limits in memory', 1, 'memory', 'm1');
  const one = await measure(ctx, '1 node, limits in PostgreSQL', 1, 'database', 'd1');
  const two = await measure(ctx, '2 nodes, limits in PostgreSQL', 2, 'database', 'd2');
  // The worst case of the shared store: every request from one address, so one counter row takes every upsert.
  const hot = await measure(ctx, '1 node, limits in PostgreSQL, one client', 1, 'database', 'h1', undefined);
  const [check] = await ctx.db.query<{ items: number; codes: number; txs: number }>(
    `SELECT count(*)::int AS items, count(DISTINCT tracking_code)::int AS codes, count(DISTINCT xmin::text)::int AS txs
       FROM complaints WHERE person_name = '多节点压测'`,
  );
  const verify = await verifyAuditChain(ctx);
  return {
    rows: [
      row('1 node, rate limits in memory', memory),
      row('1 node, rate limits in PostgreSQL', one),
      row('2 nodes, rate limits in PostgreSQL', two),
      row('1 node, rate limits in PostgreSQL, one client address', hot, ' (one hot counter row)'),
      {
        scenario: 'nodes',
        metric: '2 nodes / 1 node throughput',
        value: (100 * two.perSecond) / one.perSecond,
        unit: '%',
        note:
          `${check?.items} items, ${check?.codes} distinct tracking codes in ${check?.txs} transactions; ` +
          `audit chain ${verify.ok ? 'verifies' : 'BROKEN'} over ${verify.checked} rows; ${CONCURRENCY} conns, ` +
          `${CLIENTS} client addresses, pool ${POOL} per node`,
      },
    ],
    detail: {
      memory,
      one,
      two,
      hot,
      check,
      auditOk: verify.ok,
      concurrency: CONCURRENCY,
      clients: CLIENTS,
      pool: POOL,
    },
  };
}
