// Primary + read replica figures for docs/SCALING.md, against the replica of `bash scripts/replica.sh start`:
//   npx tsx bench/replica-measure.ts   (BENCH_PRIMARY_URL, BENCH_REPLICA_URL: servers; a scratch database is made)
// 1. visibility lag: a committed row, polled on the replica until it is there;
// 2. routing overhead: the same small read through the router's reader vs straight on the replica's pool;
// 3. read-your-writes: how long a writer's reads stay on the primary after a write;
// 4. failover: a read right after the replica stops (it is restarted at the end).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { openPostgres } from '../src/db/client.ts';
import { runAsCaller } from '../src/db/read-context.ts';
import { openReadRouter } from '../src/db/read-router.ts';

const primaryServer = process.env.BENCH_PRIMARY_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const replicaServer = process.env.BENCH_REPLICA_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';
const name = 'shijian_replica_bench';
const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms (n=${xs.length})`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const admin = new pg.Client({ connectionString: primaryServer });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
const primary = await openPostgres(withDb(primaryServer), { max: 4 });
await primary.exec('CREATE TABLE probe (id serial PRIMARY KEY, at timestamptz DEFAULT now())');
const replica = await openPostgres(withDb(replicaServer), { max: 4 }).catch(async () => {
  await sleep(2000); // CREATE DATABASE still on its way
  return openPostgres(withDb(replicaServer), { max: 4 });
});
console.log(
  `load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);

// 1. Visibility lag.
const lags: number[] = [];
for (let i = 0; i < 50; i++) {
  const [row] = await primary.query<{ id: number }>('INSERT INTO probe DEFAULT VALUES RETURNING id');
  const t0 = performance.now();
  while ((await replica.query('SELECT 1 FROM probe WHERE id = $1', [row?.id])).length === 0) await sleep(1);
  lags.push(performance.now() - t0);
  await sleep(20);
}
console.log(`commit → visible on the replica: ${fmt(lags)}`);

// 2. Routing overhead.
const router = await openReadRouter(primary, {
  urls: [withDb(replicaServer)],
  maxLagMs: 5000,
  pollMs: 500,
  log: { info: () => {}, warn: (m) => console.error(m) },
});
const sql = 'SELECT id, at FROM probe WHERE id = $1';
const time = async (fn: () => Promise<unknown>, n = 2000) => {
  for (let i = 0; i < 200; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
};
const direct = await time(() => replica.query(sql, [1]));
const routed = await time(() => runAsCaller({ key: 'bench' }, () => router.reader.query(sql, [1])));
const onPrimary = await time(() => primary.query(sql, [1]));
console.log(`small read straight on the replica pool: ${fmt(direct)}`);
console.log(`same read through the router (replica): ${fmt(routed)}`);
console.log(`same read on the primary: ${fmt(onPrimary)}`);
if (router.served().primary !== 0) console.log(`(router sent ${router.served().primary} reads to the primary)`);

// 3. Read-your-writes: a writer's reads go back to the replica at the next poll that finds the write replayed.
const back: number[] = [];
for (let i = 0; i < 10; i++) {
  router.beginWrite('writer');
  await primary.query('INSERT INTO probe DEFAULT VALUES');
  await router.endWrite('writer');
  const t0 = performance.now();
  const before = router.served().replica;
  while (router.served().replica === before) {
    await runAsCaller({ key: 'writer' }, () => router.reader.query(sql, [1]));
    await sleep(5);
  }
  back.push(performance.now() - t0);
}
console.log(`writer's reads on the primary after a write (poll 500 ms): ${fmt(back)}`);

// 4. Failover when the replica stops.
const version = readdirSync('/etc/postgresql').sort().at(-1) as string;
if (new URL(replicaServer).port === '5433' && process.getuid?.() === 0) {
  const ctl = (action: string) =>
    execFileSync(
      'pg_ctlcluster',
      ['--skip-systemctl-redirect', version, 'replica', action, '-m', 'fast'].slice(0, action === 'stop' ? 6 : 4),
    );
  ctl('stop');
  const t0 = performance.now();
  await runAsCaller({ key: 'bench' }, () => router.reader.query(sql, [1]));
  const first = performance.now() - t0;
  const after = await time(() => runAsCaller({ key: 'bench' }, () => router.reader.query(sql, [1])), 500);
  console.log(`replica stopped: first read ${first.toFixed(2)} ms (fails over to the primary), then ${fmt(after)}`);
  ctl('start');
  const t1 = performance.now();
  while (!router.status()[0]?.usable) await sleep(20);
  console.log(`replica restarted: back in use after ${(performance.now() - t1).toFixed(0)} ms`);
}
console.log(
  `load average at end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);

await router.close();
await replica.close();
await primary.close();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.end();
