import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
// @ts-expect-error a plain .mjs script without type declarations
import { writeBatches } from '../../scripts/test-batches.mjs';

const dir = mkdtempSync(join(tmpdir(), 'test-batches-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('files are batched in order, the access matrix alone and first; each file sits in a describe named after it', () => {
  const files = ['src/a.test.ts', 'src/b.test.ts', 'tests/access/matrix.api.test.ts', 'src/c.test.ts'];
  const batches: string[] = writeBatches(files, dir, 2);
  assert.equal(batches.length, 3);
  const texts = batches.map((b) => readFileSync(b, 'utf8'));
  assert.match(texts[0]!, /describe\("tests\/access\/matrix\.api\.test\.ts"/);
  assert.deepEqual(
    texts.map((t) => [...t.matchAll(/describe\("([^"]+)"/g)].map((m) => m[1])),
    [['tests/access/matrix.api.test.ts'], ['src/a.test.ts', 'src/b.test.ts'], ['src/c.test.ts']],
  );
  assert.match(texts[1]!, /await import\("file:\/\/\/.*\/src\/a\.test\.ts"\)/);
});
