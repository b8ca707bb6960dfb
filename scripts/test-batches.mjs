// Test files grouped into batches that each run in one process: Node 20 starts a process per test file, and
// loading the app through tsx costs about 4 s of CPU per process, more than most API test files spend testing.
// A batch wraps each file in a describe named after it, so the file's top-level before/after hooks stay its own
// (they run around its tests only) and failures name the file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Files that run alone: long enough that sharing a process would only lengthen the tail. */
const ALONE = [/tests\/access\/matrix\.api\.test\.ts$/];

/** The batch module text for a list of test files. */
export function batchSource(files) {
  const lines = ["import { describe } from 'node:test';"];
  for (const f of files) {
    const url = pathToFileURL(resolve(f)).href;
    lines.push(`describe(${JSON.stringify(f)}, async () => {\n  await import(${JSON.stringify(url)});\n});`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Splits the files into batches of at most `size` (files that run alone first, so the longest starts first) and
 * writes each as a test module under `dir`; returns their paths.
 */
export function writeBatches(files, dir, size) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const alone = files.filter((f) => ALONE.some((re) => re.test(f)));
  const rest = files.filter((f) => !alone.includes(f));
  const groups = alone.map((f) => [f]);
  for (let i = 0; i < rest.length; i += size) groups.push(rest.slice(i, i + size));
  return groups.map((group, i) => {
    const path = join(dir, `batch-${String(i + 1).padStart(3, '0')}.test.mjs`);
    writeFileSync(path, batchSource(group));
    return path;
  });
}
