import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = join(dirname(fileURLToPath(import.meta.url)), '../../scripts/ensure-web-build.mjs');

/**
 * `npm start` runs scripts/ensure-web-build.mjs before the server. Run for real in a copy of the project's
 * layout, with a stand-in `vite` on npx's path that only records that a build was asked for.
 */
describe('ensure-web-build: the check before every npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sj-web-build-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const file = (path: string, text = 'x', mtime?: Date) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    if (mtime) utimesSync(full, mtime, mtime);
  };
  const run = () => {
    rmSync(join(dir, 'built.txt'), { force: true });
    const r = spawnSync(process.execPath, [join(dir, 'scripts/ensure-web-build.mjs')], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, built: existsSync(join(dir, 'built.txt')) };
  };

  mkdirSync(join(dir, 'scripts'));
  copyFileSync(script, join(dir, 'scripts/ensure-web-build.mjs'));
  file(
    'node_modules/.bin/vite',
    '#!/bin/sh\nmkdir -p web/dist && echo built > web/dist/index.html && echo 1 > built.txt\n',
  );
  chmodSync(join(dir, 'node_modules/.bin/vite'), 0o755);
  const old = new Date(Date.now() - 3_600_000);
  file('web/index.html', '<html></html>', old);
  file('web/src/main.tsx', '', old);
  file('web/src/pages/a.tsx', '', old);
  file('src/contracts/common.ts', '', old);

  test('first start builds; a second start with web/dist in place does not crash and does not rebuild', () => {
    const first = run();
    assert.equal(first.status, 0, first.stderr);
    assert.ok(first.built, 'no web/dist yet: built');
    const second = run();
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.built, false, 'up to date: not built again');
  });

  test('a change after the last build, deep in web/src or at the top (web/index.html), rebuilds', () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const builtAt = (t: Date) => utimesSync(join(dir, 'web/dist/index.html'), t, t);
    builtAt(ago(30));
    file('web/src/pages/a.tsx', 'changed', ago(10));
    assert.ok(run().built);
    assert.equal(run().built, false);
    builtAt(ago(30));
    file('web/index.html', '<html>changed</html>', ago(10));
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.built);
  });
});
