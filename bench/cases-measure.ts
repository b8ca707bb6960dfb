// Re-measures the `cases` scenario on a database kept by `npm run bench -- --scenario cases --db postgres --keep`
// (the load takes many minutes): migrates it to the current schema, then runs the scenario's measurements.
//   BENCH_MEASURE_URL=postgres://postgres@127.0.0.1:5432/shijian_bench npx tsx bench/cases-measure.ts
import { loadavg } from 'node:os';
import { openPostgres } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { machineInfo, printTable, writeResults } from './lib/report.ts';
import { measureCases } from './scenarios/cases.ts';

const url = process.env.BENCH_MEASURE_URL ?? 'postgres://postgres@127.0.0.1:5432/shijian_bench';
const started = performance.now();
const log = (msg: string) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${msg}`);
const db = await openPostgres(url, { max: 10 });
try {
  const machine = await machineInfo(db);
  await migrate(db, (m) => log(`migration ${m}`));
  await db.exec('VACUUM (ANALYZE) cases, case_officers, case_monthly_stats');
  const { rows, detail } = await measureCases(db, log);
  printTable(rows);
  console.log(`\nload average ${loadavg()[0]?.toFixed(2)} (at start ${machine.loadAverageAtStart.join(', ')})`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  log(`results: ${writeResults(`postgres-cases-measure-${stamp}.json`, { machine, rows, detail }).join(', ')}`);
} finally {
  await db.close();
}
