// Which test files reach the database the suite is pointed at (the test-db helper switch), found by
// walking each test file's relative imports: only those need the second pass on PostgreSQL.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Relative imports: static `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
const IMPORT =
  /(?:^|[\n;])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/**
 * Text that makes a file database-dependent: naming either variable the test-db helper reads. Spelled in pieces
 * so that this script (imported by its own test) does not count as reaching the database.
 */
const REACHES_DB = new RegExp([['SHIJIAN', 'TEST', 'DB'].join('_'), ['TEST', 'DATABASE', 'URL'].join('_')].join('|'));

export function findTests(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === join('tests', 'e2e')) continue; // browser tests: npm run test:e2e
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null; // a package-style path or a generated file: not ours to follow
}

/** The relative imports a source text makes. */
export function importsOf(text) {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
}

/** A walk of the import graph (file texts read once): does this file, or anything it imports, reach the database switch? */
export function databaseReach() {
  const direct = new Map(); // file → [mentions the switch, resolved relative imports]
  const read = (abs) => {
    let entry = direct.get(abs);
    if (!entry) {
      const text = readFileSync(abs, 'utf8');
      const targets = importsOf(text)
        .map((spec) => resolveImport(abs, spec))
        .filter((t) => t !== null);
      entry = [REACHES_DB.test(text), targets];
      direct.set(abs, entry);
    }
    return entry;
  };
  return (file) => {
    const seen = new Set([resolve(file)]);
    const queue = [...seen];
    while (queue.length) {
      const [hit, targets] = read(queue.pop());
      if (hit) return true;
      for (const t of targets) if (!seen.has(t)) seen.add(t) && queue.push(t);
    }
    return false;
  };
}

/** Splits test files into those that use the test database (run on every database) and pure unit tests. */
export function splitTests(files) {
  const reaches = databaseReach();
  const database = [];
  const unit = [];
  for (const f of files) (reaches(f) ? database : unit).push(f);
  return { database, unit };
}
