import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
// @ts-expect-error a plain .mjs script without type declarations
import { importsOf, splitTests } from '../../scripts/test-split.mjs';

const root = mkdtempSync(join(tmpdir(), 'test-split-'));
after(() => rmSync(root, { recursive: true, force: true }));

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
const at = (path: string) => join(root, path);
// Spelled in pieces so this file itself does not count as reaching the database.
const SWITCH = ['SHIJIAN', 'TEST', 'DB'].join('_');
const URL_VAR = ['TEST', 'DATABASE', 'URL'].join('_');

test('every kind of relative import is read; packages are not', () => {
  const text = [
    "import { a } from './a.ts';",
    "import type { B } from '../b.ts';",
    "export { c } from './c.ts';",
    "import './side-effect.ts';",
    "const d = await import('./d.ts');",
    'import {\n  e,\n  f,\n} from "./ef.ts";',
    "import pg from 'pg';",
    "import { test } from 'node:test';",
  ].join('\n');
  assert.deepEqual(importsOf(text), ['./a.ts', '../b.ts', './c.ts', './side-effect.ts', './d.ts', './ef.ts']);
});

test('a test reaches the database directly, through a helper chain, or not at all', () => {
  write({
    'helpers/db.ts': `export const kind = () => process.env.${SWITCH};`,
    'helpers/app.ts': "import { kind } from './db.ts';\nexport const app = kind;",
    'helpers/pure.ts': 'export const add = (a: number, b: number) => a + b;',
    'helpers/cycle-a.ts': "import { b } from './cycle-b.ts';\nexport const a = b;",
    'helpers/cycle-b.ts':
      "import { a } from './cycle-a.ts';\nimport { app } from './app.ts';\nexport const b = a ?? app;",
    'direct.test.ts': `const url = process.env.${URL_VAR};`,
    'via-helper.test.ts': "import { app } from './helpers/app.ts';",
    'via-cycle.test.ts': "import { a } from './helpers/cycle-a.ts';",
    'via-dynamic.test.ts': "const { app } = await import('./helpers/app.ts');",
    'pure.test.ts': "import { add } from './helpers/pure.ts';\nimport assert from 'node:assert';",
    'missing-import.test.ts': "import { x } from './generated/nowhere.ts';",
  });
  const { database, unit } = splitTests(
    [
      'direct.test.ts',
      'via-helper.test.ts',
      'via-cycle.test.ts',
      'via-dynamic.test.ts',
      'pure.test.ts',
      'missing-import.test.ts',
    ].map(at),
  );
  assert.deepEqual(
    database,
    ['direct.test.ts', 'via-helper.test.ts', 'via-cycle.test.ts', 'via-dynamic.test.ts'].map(at),
  );
  assert.deepEqual(unit, ['pure.test.ts', 'missing-import.test.ts'].map(at));
});

test("the project's API tests are in the database pass and its pure domain tests are not", () => {
  const { database, unit } = splitTests([
    'src/db/copy.test.ts',
    'src/domain/uscc.test.ts',
    'tests/access/matrix.api.test.ts',
  ]);
  assert.deepEqual(database, ['src/db/copy.test.ts', 'tests/access/matrix.api.test.ts']);
  assert.deepEqual(unit, ['src/domain/uscc.test.ts']);
});
