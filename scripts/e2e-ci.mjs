// CI's browser stage: every e2e file once; a file with a failing test runs once more on its own, and CI passes only
// if that second run passes. A test that needed the second run is printed as FLAKY, to be fixed, not forgotten.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeBatches } from './test-batches.mjs';

/** The files named on the command line, or every e2e file. */
const named = process.argv.slice(2);
const files = named.length
  ? named
  : readdirSync('tests/e2e')
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => `tests/e2e/${f}`);

/**
 * Batches at once on the first run (E2E_CONCURRENCY, default 1; CI runs 2: the flows mostly wait). Each file has its
 * own server and PGlite copy, a batch one Chromium (each file its own contexts), so they are independent. The second
 * run is always one by one.
 */
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY) || 1);

/** Runs the files; the output goes through to the log, and the files of failing tests come back. */
function run(list, filesAtOnce = 1) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${filesAtOnce}`, ...list], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const failed = new Set();
    const names = [];
    let pending = '';
    let inFailure = false;
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const top = line.match(/^not ok \d+ - (.*)$/);
        if (top) {
          inFailure = true;
          // In a batch the top-level test is the describe named after its file.
          if (/^tests\/e2e\/[^/]+\.test\.ts$/.test(top[1])) failed.add(top[1]);
          else names.push(top[1]);
        } else if (/^ok \d+ - /.test(line)) inFailure = false;
        const nested = line.match(/^ {4}not ok \d+ - (.*)$/); // a file's own top-level test or describe
        if (nested) names.push(nested[1]);
        const at = inFailure && line.match(/location: '(.*?tests\/e2e\/[^:']+\.test\.ts)/);
        if (at) failed.add(at[1].slice(at[1].indexOf('tests/e2e/')));
      }
    });
    child.on('close', (code) => resolve({ code, failed: [...failed], names }));
  });
}

/**
 * Files per process on the first run (E2E_BATCH_SIZE, default 6; see scripts/test-batches.mjs): each file still has
 * its own server and database; the process (loading the app through tsx) and Chromium (tests/e2e/helpers.ts) are shared.
 */
const batchSize = Math.max(1, Number(process.env.E2E_BATCH_SIZE) || 6);
// A folder per run: a second run in the same checkout (another terminal) must not rewrite this one's batches.
const batchDir = join('.tmp', 'test-batches', `e2e-${process.pid}`);
const firstFiles = batchSize > 1 ? writeBatches(files, batchDir, batchSize) : files;
process.once('exit', () => rmSync(batchDir, { recursive: true, force: true }));

const first = await run(firstFiles, concurrency);
if (first.code === 0) process.exit(0);
if (first.failed.length === 0) {
  console.error('e2e failed without a failing test file to name (setup error?)');
  process.exit(first.code ?? 1);
}
console.error(
  `\n--- e2e: ${first.names.length} failing test(s) in ${first.failed.join(', ')}; running those files again`,
);
const second = await run(first.failed);
if (second.code !== 0) process.exit(second.code ?? 1);
for (const name of first.names) console.error(`FLAKY (passed on the second run): ${name}`);
