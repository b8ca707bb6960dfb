import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cycles, importGraph } from './import-graph.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const graph = importGraph(root, ['src', 'web/src']);

/**
 * Which layer may import which (docs/ARCHITECTURE.md). A layer missing from a list is an upward or sideways
 * import: domain and contracts are pure; platform serves modules and never knows them; server only assembles.
 */
const layers: { name: string; path: RegExp; mayImport: string[] }[] = [
  { name: 'domain', path: /^src\/domain\//, mayImport: ['domain'] },
  { name: 'contracts', path: /^src\/contracts\//, mayImport: ['contracts', 'domain'] },
  // src/db is the platform's database handle (clients, migrations, SQL helpers).
  { name: 'platform', path: /^src\/(platform|db)\//, mayImport: ['platform', 'domain', 'contracts'] },
  { name: 'modules', path: /^src\/modules\//, mayImport: ['modules', 'platform', 'domain', 'contracts'] },
  { name: 'demo', path: /^src\/demo\//, mayImport: ['demo', 'modules', 'platform', 'domain', 'contracts'] },
  { name: 'server', path: /^src\/server\//, mayImport: ['server', 'modules', 'platform', 'domain', 'contracts'] },
  {
    name: 'cli',
    path: /^src\/cli\//,
    mayImport: ['cli', 'server', 'demo', 'modules', 'platform', 'domain', 'contracts'],
  },
  { name: 'web', path: /^web\/src\//, mayImport: ['web', 'contracts', 'domain'] },
];
const layerOf = (file: string) => layers.find((l) => l.path.test(file));

test('every source file belongs to a layer', () => {
  const stray = [...graph.edges.keys()].filter((f) => !layerOf(f));
  assert.deepEqual(stray, []);
});

test('imports point down the layers only', () => {
  const upward: string[] = [];
  for (const [from, targets] of graph.edges) {
    const own = layerOf(from);
    for (const to of targets) {
      const target = layerOf(to);
      if (own && target && !own.mayImport.includes(target.name)) upward.push(`${from} → ${to}`);
    }
  }
  assert.deepEqual(upward, [], `imports against the layering:\n${upward.join('\n')}`);
});

test('a module imports another module only through its service, types or access kinds', () => {
  const reaching: string[] = [];
  for (const [from, targets] of graph.edges) {
    const own = from.match(/^src\/modules\/([^/]+)\//)?.[1];
    if (!own) continue;
    for (const to of targets) {
      const other = to.match(/^src\/modules\/([^/]+)\/(.+)$/);
      if (other && other[1] !== own && /(^|\/)(repos\/|[^/]*repo\.ts$)/.test(other[2] as string)) {
        reaching.push(`${from} → ${to}`);
      }
    }
  }
  assert.deepEqual(reaching, [], `modules reaching into another module's repo:\n${reaching.join('\n')}`);
});

test('no import cycles', () => {
  const found = cycles(graph);
  assert.deepEqual(found, [], `cycles:\n${found.map((c) => c.join(' ↔ ')).join('\n')}`);
});

test('what the web bundle loads imports no Node built-in (it would throw in the browser)', () => {
  // Value imports only: `import type` is erased from the bundle.
  const valueImport =
    /(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file) || !graph.edges.has(file)) return;
    reached.add(file);
    for (const m of readFileSync(`${root}${file}`, 'utf8').matchAll(valueImport)) {
      const spec = m[1] ?? m[2];
      if (spec) visit(relative(root, resolve(root, dirname(file), spec)).replaceAll('\\', '/'));
    }
  };
  for (const file of graph.edges.keys()) if (file.startsWith('web/src/')) visit(file);
  const offenders = [...reached].filter((f) =>
    /(?:^|\n)\s*import\s+(?!type\s)[^'";]*?from\s*'node:/.test(readFileSync(`${root}${f}`, 'utf8')),
  );
  assert.deepEqual(offenders, [], `the web bundle loads Node built-ins through:\n${offenders.join('\n')}`);
});
