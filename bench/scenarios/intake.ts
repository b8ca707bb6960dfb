import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import type { Db } from '../../src/db/client.ts';
import { type App, buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { loadInChild } from '../lib/load.ts';
import type { LoadJob, LoadResult } from '../lib/load-generator.ts';
import type { ResultRow } from '../lib/report.ts';
import type { ScenarioContext, ScenarioResult } from '../lib/scenario.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** How often the audit checkpoint writer runs during the app load (the server's job: every 60 s); 0: never. */
const CHECKPOINT_MS = Number(process.env.BENCH_CHECKPOINT_MS ?? 1000);

// A person on the portal: a business by name with an address naming a township (routed by address), a
// different phone and Idempotency-Key per request, as distinct people submitting.
const portalBody = JSON.stringify({
  kind: 'complaint',
  person: { name: '压测用户', phone: '139{{n}}' },
  business: { name: '佛山市南海区某某餐饮店', address: '南海区里水镇和顺大道{{n}}号' },
  categoryCode: 'service.catering',
  amountFen: 12_800,
  description: '在店内就餐后发现菜品变质，要求退款并赔偿。编号{{n}}',
});

type RawBody = { person: { name: string; phone: string }; description: string; business: { name: string } };

/** The ceiling of HTTP + one write here: a bare Fastify route doing one INSERT into a table like complaints. */
async function rawServer(db: Db) {
  await db.exec('DROP TABLE IF EXISTS bench_raw_intake; CREATE TABLE bench_raw_intake (LIKE complaints INCLUDING ALL)');
  const server = Fastify({ logger: false });
  let n = 0;
  server.post<{ Body: RawBody }>('/raw', async (req, reply) => {
    const b = req.body;
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO bench_raw_intake (tracking_code, kind, channel, rule_set_code, received_on, station_id, person_name,
         person_phone, business_name, description, idempotency_key)
       VALUES ($1, 'complaint', 'portal', 'samr-order-20', current_date, 1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        `RAW${process.pid}-${n++}`,
        b.person.name,
        b.person.phone,
        b.business.name,
        b.description,
        req.headers['idempotency-key'],
      ],
    );
    return reply.status(201).send({ id: row!.id });
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, url: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/raw` };
}

async function appServer(ctx: ScenarioContext) {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    WORKERS: 'false',
    SECRET_KEY: ctx.secret,
    AUDIT_KEY: ctx.secret,
    // The bench is one client IP: the portal's per-IP limit would answer 429 after 20 requests.
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const app = await buildApp({ config, db: ctx.db, logger: false });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.server.address() as AddressInfo).port;
  return { app, url: `http://127.0.0.1:${port}/api/v1/public/complaints` };
}

/** The audit checkpoint writer in a loop beside the load, as the scheduled job runs it (but more often). */
function checkpointLoop(checkpoints: App['services']['auditCheckpoints'], everyMs: number) {
  const written: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      const r = await checkpoints.write({ force: false });
      if (r.written) written.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    written.sort((a, b) => a - b);
    return { written: written.length, p50: written[written.length >> 1] ?? 0, max: written.at(-1) ?? 0 };
  };
}

const rowsFor = (name: string, r: LoadResult, target: boolean): ResultRow[] => [
  {
    scenario: 'intake',
    metric: `${name} req/s`,
    value: r.perSecond,
    unit: 'req/s',
    target: target ? '≥ 1000' : undefined,
    note: `${CONCURRENCY} conns, ${r.seconds} s, statuses ${JSON.stringify(r.statuses)}`,
  },
  {
    scenario: 'intake',
    metric: `${name} p99`,
    value: r.latency.p99,
    unit: 'ms',
    target: target ? '≤ 100' : undefined,
    note: `p50 ${r.latency.p50.toFixed(1)}, p95 ${r.latency.p95.toFixed(1)}`,
  },
];

/** Public 12315 intake under load against the raw single-INSERT ceiling, in the same run. */
export async function intakeScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const job = (url: string): LoadJob => ({
    url,
    body: portalBody,
    idempotencyKey: 'bench-intake-{{n}}',
    concurrency: CONCURRENCY,
    warmupSeconds: 3,
    seconds: SECONDS,
  });
  const raw = await rawServer(ctx.db);
  ctx.log(`raw single INSERT: ${CONCURRENCY} connections for ${SECONDS} s`);
  const rawResult = await loadInChild(job(raw.url));
  await raw.server.close();

  const { app, url } = await appServer(ctx);
  try {
    ctx.log(`public intake: ${CONCURRENCY} connections for ${SECONDS} s, checkpoints every ${CHECKPOINT_MS} ms`);
    const stopCheckpoints = CHECKPOINT_MS > 0 ? checkpointLoop(app.services.auditCheckpoints, CHECKPOINT_MS) : null;
    const appResult = await loadInChild(job(url));
    const checkpoints = (await stopCheckpoints?.()) ?? null;
    // What the speed must not cost: the chain still verifies and a repeated key is still one record.
    const verify = await app.services.audit.verify();
    const again = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-intake-00000001' },
      body: portalBody.replaceAll('{{n}}', '00000001'),
    });
    const [count] = await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM complaints WHERE idempotency_key = 'bench-intake-00000001'`,
    );
    return {
      rows: [
        ...rowsFor('raw single INSERT', rawResult, false),
        ...rowsFor('public intake (app)', appResult, true),
        {
          scenario: 'intake',
          metric: 'app / raw throughput',
          value: (100 * appResult.perSecond) / rawResult.perSecond,
          unit: '%',
          note: `audit chain ${verify.ok ? 'verifies' : 'BROKEN'} over ${verify.checked} rows; repeated key → ${again.status}, ${count?.n} record`,
        },
        {
          scenario: 'intake',
          metric: 'audit checkpoints during the load',
          value: checkpoints?.written ?? 0,
          unit: 'written',
          note: checkpoints
            ? `writer every ${CHECKPOINT_MS} ms, 1 per 1000 rows; write p50 ${checkpoints.p50.toFixed(1)} ms, max ${checkpoints.max.toFixed(1)} ms`
            : 'writer off (BENCH_CHECKPOINT_MS=0)',
        },
      ],
      detail: { raw: rawResult, app: appResult, auditVerify: verify, checkpoints, concurrency: CONCURRENCY },
    };
  } finally {
    await app.server.close();
  }
}
