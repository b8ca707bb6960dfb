import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sourceFiles } from './import-graph.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A repo is a file named *repo.ts or inside a repos/ folder; src/db is the database handle itself. */
const isRepo = (f: string) => /(^|\/)repos\/|repo\.ts$/.test(f) || f.startsWith('src/db/');
/** Platform SQL shared by every repo: the audit chain, optimistic locking, the access predicate. */
const platformSql = new Set(['src/platform/audit.ts', 'src/platform/versioned-update.ts', 'src/platform/access.ts']);

const SQL =
  /\b(SELECT\s+(?:[\w"*(]|DISTINCT)|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|COPY\s+\w+|CREATE\s+(?:TABLE|INDEX|TEMP)|ALTER\s+TABLE|TRUNCATE\s+\w+|ON\s+CONFLICT)\b|new\s+Where\(/;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const files = ['src/modules', 'src/server', 'src/cli', 'src/demo', 'src/platform'].flatMap((d) => sourceFiles(root, d));

test('SQL lives only in repo files', () => {
  const offenders: string[] = [];
  for (const f of files) {
    if (isRepo(f) || platformSql.has(f)) continue;
    const lines = withoutComments(readFileSync(join(root, f), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      if (SQL.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim().slice(0, 100)}`);
    });
  }
  assert.deepEqual(offenders, [], `SQL outside repo files:\n${offenders.join('\n')}`);
});

test('routes call services only: no database handle in a route file', () => {
  const offenders = files
    .filter((f) => /(^|\/)(routes\.ts|[^/]*-routes\.ts|routes\/[^/]+\.ts)$/.test(f))
    .filter((f) => /\bdb\b|\/db\/client\.ts|repo\.ts'/.test(withoutComments(readFileSync(join(root, f), 'utf8'))));
  assert.deepEqual(offenders, [], `route files that reach the database:\n${offenders.join('\n')}`);
});
