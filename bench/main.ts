// npm run bench -- --entities N [--db pglite|postgres] [--scenario registry] [--seed S] [--skip-raw] [--keep]
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Db } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/db/seed/demo.ts';
import { settleRegister } from '../src/db/seed/demo-entities-load.ts';
import { createPiiCipher } from '../src/server/pii.ts';
import { benchActors } from './lib/actors.ts';
import { type BenchDbKind, openBenchDb } from './lib/bench-db.ts';
import { entityApi } from './lib/entity-api.ts';
import { machineInfo, printTable, type ResultRow, writeResults } from './lib/report.ts';
import { browseScenario } from './scenarios/browse.ts';
import { importScenario } from './scenarios/import.ts';
import { rowCostScenario } from './scenarios/row-cost.ts';
import { searchScenario, searchSnapshot } from './scenarios/search.ts';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '100000' },
    db: { type: 'string', default: 'pglite' },
    scenario: { type: 'string', default: 'registry' },
    seed: { type: 'string', default: '1' },
    'skip-raw': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const entities = Number(values.entities);
const seed = Number(values.seed);
const kind = values.db as BenchDbKind;
if (!Number.isInteger(entities) || entities < 1) throw new Error('--entities must be a positive integer');
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('--db must be pglite or postgres');
if (values.scenario !== 'registry') throw new Error(`unknown scenario ${values.scenario} (available: registry)`);

const started = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);

async function sizes(db: Db) {
  const [row] = await db.query<{ database: number; entities: number; indexes: number }>(
    `SELECT pg_database_size(current_database())::float8 AS database,
            pg_table_size('entities')::float8 AS entities, pg_indexes_size('entities')::float8 AS indexes`,
  );
  return row;
}

async function main() {
  const bench = await openBenchDb(kind, { keep: values.keep });
  const { db } = bench;
  try {
    log(`database: ${bench.location}`);
    const machine = await machineInfo(db);
    await migrate(db);
    await loadDemo(db);
    const secret = 'shijian-bench-key-not-a-secret-0123456789';
    const pii = createPiiCipher(secret);
    const stations = await db.query<{ id: number; code: string; regionCodes: string[] }>(
      `SELECT id, code, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' ORDER BY sort_order`,
    );
    log('row cost (JS only)');
    const rows: ResultRow[] = rowCostScenario({ pii, secret, stations });
    rows.push(...(await importScenario(db, { entities, seed, pii, stations, skipRaw: values['skip-raw'], log })));
    const api = await entityApi(db, pii);
    log(`entity API: ${api.source}`);
    const actors = await benchActors(db);
    log('search right after the load (ANALYZE only)');
    const fresh = await searchSnapshot(api, actors.admin);
    log('VACUUM (ANALYZE)');
    const vacuumSeconds = await settleRegister(db);
    rows.push(
      {
        scenario: 'import',
        metric: 'VACUUM (ANALYZE) after load',
        value: vacuumSeconds,
        unit: 's',
        note: 'merges GIN pending list, sets visibility map',
      },
      { scenario: 'search', metric: 'name search p95 before VACUUM (worst fragment)', value: fresh, unit: 'ms' },
    );
    const size = await sizes(db);
    const search = await searchScenario(db, api, actors, log);
    const browse = await browseScenario(db, api, actors, log);
    rows.push(...search.rows, ...browse.rows);
    printTable(rows);
    const totalSeconds = (performance.now() - started) / 1000;
    console.log(
      `\n${entities.toLocaleString()} entities on ${machine.db.version.split(' on ')[0]} (${kind}), ` +
        `${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; entity API: ${api.source}; ` +
        `run ${totalSeconds.toFixed(0)} s; load average ${loadavg()[0]?.toFixed(2)}`,
    );
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    const paths = writeResults(`${kind}-${entities}-${stamp}.json`, {
      runAt: new Date().toISOString(),
      options: { entities, seed, db: kind, scenario: values.scenario, skipRaw: values['skip-raw'] },
      machine: { ...machine, loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100) },
      entityApi: api.source,
      sizesBytes: size,
      totalSeconds,
      results: rows,
      search: search.detail,
      searchPlans: search.plans,
      pages: browse.detail,
    });
    log(`results: ${paths.join(', ')}`);
  } finally {
    await bench.dispose();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
