import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'web/src');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Value imports only: `import type` and `export type` never reach the bundle. */
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm;

/**
 * The web bundle reaches contracts and domain files through relative imports; one of them loading a Node module
 * (node:module, node:fs …) breaks every page that imports it in the browser ("createRequire is not a function").
 */
test('no file the web imports (transitively) imports a node: module', () => {
  const seen = new Set<string>();
  const problems: string[] = [];
  const parent = new Map<string, string>();
  const chain = (file: string): string => {
    const from = parent.get(file);
    return from ? `${chain(from)} → ${relative(ROOT, file)}` : relative(ROOT, file);
  };
  const queue = sources(WEB);
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!spec) continue;
      if (spec.startsWith('node:')) problems.push(`${chain(file)} imports ${spec}`);
      else if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (existsSync(target) && !target.endsWith('.json') && !seen.has(target)) {
          if (!parent.has(target)) parent.set(target, file);
          queue.push(target);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});
