// Micro-bench of the placard verification (食品安全 point 5; target p95 ≤ 20 ms at 300 k businesses / 3 M
// inspections). Written because no `food` bench scenario was on main yet; fold it into that scenario once it is.
//   BENCH_BUSINESSES=300000 BENCH_INSPECTIONS_PER=10 npx tsx bench/placard-verify.ts
// PostgreSQL at BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres): a fresh database
// `placard_bench` is created, filled set-based, measured and dropped (BENCH_KEEP=1 keeps it; BENCH_REUSE=1 then
// measures the kept database again without the load, which takes 10+ minutes on a busy 2-core machine).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { placardUrl, signPlacard } from '../src/domain/food-placard.ts';
import { createPlacardKeys, type PlacardSigner } from '../src/modules/food-placards/services/keys.ts';
import { createPlacardService } from '../src/modules/food-placards/services/placards.ts';
import { loadBaseline } from '../src/modules/org/baseline.ts';
import { createPiiCipher } from '../src/platform/pii.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { machineInfo, printTable, type ResultRow } from './lib/report.ts';
import { sample, summarise } from './lib/timing.ts';

const N = Number(process.env.BENCH_BUSINESSES ?? 300_000);
const PER = Number(process.env.BENCH_INSPECTIONS_PER ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 2000);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'placard_bench';
const started = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);

async function adminQuery(sql: string) {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

const reuse = process.env.BENCH_REUSE === '1';
if (!reuse) {
  await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(`CREATE DATABASE ${name}`);
}
const url = new URL(admin);
url.pathname = `/${name}`;
const db = await openPostgres(url.toString(), { max: 4 });
const rows: ResultRow[] = [];
try {
  const machine = await machineInfo(db);
  async function load() {
    await loadBaseline(db, '佛山市南海区市场监督管理局');
    const [unit] = await db.query<{ id: number }>('SELECT id FROM org_units ORDER BY id LIMIT 1');
    log(`loading ${N} businesses, ${N * PER} inspections, ${Math.round(N * 1.5)} grades`);
    const t0 = performance.now();
    await db.exec(`
    INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
      SELECT '92440605B' || lpad(g::text, 9, '0'), 'individualBusiness', '公示牌压测' || g || '号餐馆', ''::tsvector,
             ${unit!.id}, '2020-01-01' FROM generate_series(1, ${N}) g;
    INSERT INTO food_businesses (entity_id, station_id) SELECT id, station_id FROM entities ORDER BY id;
    INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
      SELECT id, 'operation', 'JY244060' || lpad(id::text, 8, '0'), '{hotFood}', '2025-01-01', '2029-12-31', '2029-11-01'
        FROM food_businesses;
    INSERT INTO food_inspections (business_id, kind, status, inspected_on, result, score, station_id)
      SELECT fb.id, 'routine', 'done', date '2026-11-30' - (k * 90 + (fb.id % 60)::int), 'pass', 85, fb.station_id
        FROM food_businesses fb, generate_series(0, ${PER - 1}) k;
    -- every business: an older dynamic grade; every other one also a newer grade that superseded it
    INSERT INTO food_grades (business_id, kind, grade, score, graded_on, status)
      SELECT id, 'dynamic', 'excellent', 92, '2026-06-01', CASE WHEN id % 2 = 0 THEN 'superseded' ELSE 'current' END
        FROM food_businesses;
    INSERT INTO food_grades (business_id, kind, grade, score, graded_on)
      SELECT id, 'dynamic', 'fair', 65, '2026-11-01' FROM food_businesses WHERE id % 2 = 0;
    UPDATE food_grades o SET superseded_by = n.id, superseded_on = n.graded_on
      FROM food_grades n WHERE o.status = 'superseded' AND n.business_id = o.business_id AND n.status = 'current';
  `);
    log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s; signing placards`);
  }

  /** One placard per business for its first (excellent) grade: half are valid, half superseded. */
  async function signAll(signer: PlacardSigner) {
    await db.exec(`
    INSERT INTO food_placards (business_id, grade_id, uscc, grade, issued_on, kid, signature)
      SELECT g.business_id, g.id, e.uscc, g.grade, '2026-06-02', '${signer.kid}', ''
        FROM food_grades g JOIN food_businesses fb ON fb.id = g.business_id JOIN entities e ON e.id = fb.entity_id
       WHERE g.grade = 'excellent'`);
    const placards = await db.query<{ id: number; uscc: string }>('SELECT id::int AS id, uscc FROM food_placards');
    const lines = placards.map((p) => {
      const sig = signPlacard(
        { kid: signer.kid, placardId: p.id, uscc: p.uscc, grade: 'excellent', issuedOn: '2026-06-02' },
        signer.privateKey,
      );
      return `${p.id}\t${sig}\n`;
    });
    await db.transaction(async (tx) => {
      await tx.query('CREATE TEMP TABLE sigs (id bigint, signature text) ON COMMIT DROP');
      await tx.copyFrom('COPY sigs (id, signature) FROM STDIN', lines);
      await tx.query('UPDATE food_placards p SET signature = s.signature FROM sigs s WHERE s.id = p.id');
    });
    await db.exec(
      'VACUUM (ANALYZE) entities, food_businesses, food_licences, food_inspections, food_grades, food_placards',
    );
    log(`${placards.length} placards signed`);
  }
  await migrate(db);
  if (!reuse) await load();
  const pii = createPiiCipher('bench-secret-key-0123456789-0123456789');
  const keys = createPlacardKeys(db, { pii });
  const signer = await keys.signer();
  if (!reuse) await signAll(signer);
  log('measuring');
  const placards = await db.query<{ id: number; uscc: string }>('SELECT id::int AS id, uscc FROM food_placards');
  const service = createPlacardService(db, { keys, font: () => undefined });
  const pick = () => placards[Math.floor(Math.random() * placards.length)]!;
  const queryOf = (p: { id: number; uscc: string }) => {
    const u = new URL(
      placardUrl(
        'http://x',
        { kid: signer.kid, placardId: p.id, uscc: p.uscc, grade: 'excellent', issuedOn: '2026-06-02' },
        signPlacard(
          { kid: signer.kid, placardId: p.id, uscc: p.uscc, grade: 'excellent', issuedOn: '2026-06-02' },
          signer.privateKey,
        ),
      ),
    );
    return Object.fromEntries(u.searchParams);
  };
  const queries = Array.from({ length: RUNS + 20 }, () => queryOf(pick()));
  const statuses = new Map<string, number>();
  const svc = summarise(
    await sample(
      RUNS,
      async (i) => {
        const v = await service.verify(queries[i % queries.length]!);
        statuses.set(v.status, (statuses.get(v.status) ?? 0) + 1);
      },
      20,
    ),
  );
  // The machine's floor at this moment: one trivial round trip, so a shared machine's noise can be told apart.
  const floor = summarise(await sample(RUNS, () => db.query('SELECT 1'), 20));
  rows.push({ scenario: 'placard', metric: 'floor: SELECT 1 p50', value: floor.p50, unit: 'ms' });
  rows.push({ scenario: 'placard', metric: 'floor: SELECT 1 p95', value: floor.p95, unit: 'ms' });
  rows.push({ scenario: 'placard', metric: 'verify p50 (service: signature + one query)', value: svc.p50, unit: 'ms' });
  rows.push({ scenario: 'placard', metric: 'verify p95 (service)', value: svc.p95, unit: 'ms', target: '≤ 20' });

  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    WORKERS: 'false',
    SECRET_KEY: 'bench-secret-key-0123456789-0123456789',
    AUDIT_KEY: 'bench-audit-key-0123456789-0123456789',
    PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
    DATA_DIR: join(process.cwd(), '.tmp', 'placard-bench'),
  });
  const app = await buildApp({ config, db, logger: false });
  await app.server.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.server.address() as { port: number }).port;
  const http = summarise(
    await sample(
      RUNS,
      async (i) => {
        const res = await fetch(
          `http://127.0.0.1:${port}/api/v1/public/placards/verify?${new URLSearchParams(queries[i % queries.length]!)}`,
        );
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        await res.arrayBuffer();
      },
      20,
    ),
  );
  await app.server.close();
  rows.push({ scenario: 'placard', metric: 'verify p50 (HTTP, one at a time)', value: http.p50, unit: 'ms' });
  rows.push({ scenario: 'placard', metric: 'verify p95 (HTTP)', value: http.p95, unit: 'ms', target: '≤ 20' });
  rows.push({ scenario: 'placard', metric: 'verify p99 (HTTP)', value: http.p99, unit: 'ms' });
  printTable(rows);
  console.log(`\nanswers: ${JSON.stringify(Object.fromEntries(statuses))}`);
  console.log(`load average ${loadavg()[0]?.toFixed(2)} (at start ${machine.loadAverageAtStart.join(', ')})`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const file = join(process.cwd(), 'bench', 'results', `postgres-placard-verify-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify({ machine, businesses: N, inspections: N * PER, rows }, null, 2)}\n`);
  log(`results: ${file}`);
} finally {
  await db.close();
  if (!process.env.BENCH_KEEP) await adminQuery(`DROP DATABASE IF EXISTS ${name}`);
}
