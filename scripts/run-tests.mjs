// Runs the unit and API tests on PGlite, then again on the PostgreSQL server when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === join('tests', 'e2e')) continue; // browser tests: npm run test:e2e
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const only = process.argv.slice(2);
const files = only.length ? only : [...findTests('src'), ...findTests('tests')].sort();
const targets = [['pglite', {}]];
if (process.env.TEST_DATABASE_URL) targets.push(['postgresql', { SHIJIAN_TEST_DB: 'postgresql' }]);

let failed = false;
for (const [name, env] of targets) {
  console.log(`\n=== ${files.length} test files on ${name} ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
