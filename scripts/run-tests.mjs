// Runs the unit and API tests on PGlite, then, when TEST_DATABASE_URL is set, again on the PostgreSQL server:
// the second pass only takes the files that reach the test database (scripts/test-split.mjs).
// `node scripts/run-tests.mjs --list` prints the split instead of running anything.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeBatches } from './test-batches.mjs';
import { findTests, splitTests } from './test-split.mjs';

const args = process.argv.slice(2);
const list = args.includes('--list');
const only = args.filter((a) => a !== '--list');
const files = only.length ? only : [...findTests('src'), ...findTests('tests')].sort();
const { database, unit } = splitTests(files);

if (list) {
  console.log(`${database.length} files use the test database (run on PGlite and PostgreSQL):`);
  for (const f of database) console.log(`  ${f}`);
  console.log(`${unit.length} files do not (run once):`);
  for (const f of unit) console.log(`  ${f}`);
  process.exit(0);
}

const targets = [['pglite', {}, files]];
if (process.env.TEST_DATABASE_URL) targets.push(['postgresql', { SHIJIAN_TEST_DB: 'postgresql' }, database]);

// Two test processes starting together would each build the PGlite template (a minute of CPU on a small box):
// build it once up front.
if (database.length) {
  const script = "import('./tests/helpers/pglite-template.ts').then((m) => m.pgliteTemplate())";
  const built = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/**
 * The PostgreSQL pass's template database, made once before its test processes start: two of them starting together
 * would each migrate and load the demo into a database of their own and keep one (a minute of CPU thrown away).
 */
function buildPostgresTemplate(env) {
  const script =
    "import('./tests/helpers/test-db.ts').then(async (m) => { const t = await m.createTestDb(); await t.close(); })";
  const built = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return built.status === 0;
}

/** Files per process (TEST_BATCH_SIZE; 1 runs each file in its own process, as `node --test` does). */
const batchSize = Math.max(1, Number(process.env.TEST_BATCH_SIZE) || 8);

let failed = false;
for (const [name, env, run] of targets) {
  if (!run.length) continue;
  if (name === 'postgresql' && !buildPostgresTemplate(env)) {
    failed = true;
    continue;
  }
  const batches = batchSize > 1 ? writeBatches(run, join('.tmp', 'test-batches', name), batchSize) : run;
  console.log(`\n=== ${run.length} test files on ${name} (${batches.length} processes) ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...batches], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
