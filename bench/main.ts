// npm run bench -- --entities N [--db pglite|postgres] [--scenario registry,…|all] [--seed S] [--skip-raw] [--keep] [--reuse]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/demo.ts';
import { createPiiCipher } from '../src/platform/pii.ts';
import { type BenchDbKind, openBenchDb } from './lib/bench-db.ts';
import { machineInfo, printTable, type ResultRow, writeResults } from './lib/report.ts';
import type { ScenarioContext } from './lib/scenario.ts';
import { scenarios } from './scenarios/index.ts';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite' },
    scenario: { type: 'string', default: 'registry' },
    seed: { type: 'string', default: '1' },
    'skip-raw': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    // PostgreSQL: open BENCH_DATABASE_NAME as it is when it exists (a scenario's data kept from an earlier run).
    reuse: { type: 'boolean', default: false },
  },
});

const entities = Number(values.entities);
const seed = Number(values.seed);
const kind = values.db as BenchDbKind;
const names = values.scenario === 'all' ? Object.keys(scenarios) : values.scenario.split(',');
if (!Number.isInteger(entities) || entities < 1) throw new Error('--entities must be a positive integer');
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
for (const name of names) {
  if (!scenarios[name]) throw new Error(`unknown scenario ${name} (available: ${Object.keys(scenarios).join(', ')})`);
}

const started = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);

async function main() {
  const machine0 = { entities, seed, db: kind, scenario: names.join(','), skipRaw: values['skip-raw'] };
  const rows: ResultRow[] = [];
  const details: Record<string, unknown> = {};
  let machine: Awaited<ReturnType<typeof machineInfo>> | undefined;
  // Each scenario gets a fresh database: they load data of their own and must not see each other's.
  for (const name of names) {
    const bench = await openBenchDb(kind, { keep: values.keep, reuse: values.reuse });
    try {
      const { db } = bench;
      log(`scenario ${name}: database ${bench.location}${bench.fresh ? '' : ' (reused)'}`);
      machine ??= await machineInfo(db);
      await migrate(db);
      if (bench.fresh) await loadDemo(db);
      const secret = 'shijian-bench-key-not-a-secret-0123456789';
      const stations = await db.query<{ id: number; code: string; regionCodes: string[] }>(
        `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' ORDER BY sort_order`,
      );
      const ctx: ScenarioContext = {
        db,
        kind,
        entities,
        seed,
        pii: createPiiCipher(secret),
        secret,
        stations,
        skipRaw: values['skip-raw'],
        fresh: bench.fresh,
        log,
      };
      const result = await scenarios[name]!(ctx);
      rows.push(...result.rows);
      details[name] = result.detail ?? {};
    } finally {
      await bench.dispose();
    }
  }
  printTable(rows);
  const totalSeconds = (performance.now() - started) / 1000;
  console.log(
    `\n${entities.toLocaleString()} entities on ${machine?.db.version.split(' on ')[0]} (${kind}), ` +
      `${machine?.cores} × ${machine?.cpuModel}, ${machine?.memoryGiB} GiB; ` +
      `run ${totalSeconds.toFixed(0)} s; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const paths = writeResults(`${kind}-${entities}-${names.join('+')}-${stamp}.json`, {
    runAt: new Date().toISOString(),
    options: machine0,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
    totalSeconds,
    results: rows,
    details,
  });
  log(`results: ${paths.join(', ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
