import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The project's own import graph (relative imports of src/ and web/src/), read from the source text: every
 * import in this codebase is a relative path with its extension, so no compiler is needed. Type-only imports
 * count too: a cycle of types is still a cycle of concepts.
 */
export interface ImportGraph {
  root: string;
  /** file (relative to root) → files it imports (relative to root) */
  edges: Map<string, string[]>;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g;

export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f).replaceAll('\\', '/'));
}

export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const file of sourceFiles(root, dir)) {
      const text = readFileSync(join(root, file), 'utf8');
      const targets: string[] = [];
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        if (spec) targets.push(relative(root, resolve(root, dirname(file), spec)).replaceAll('\\', '/'));
      }
      edges.set(file, targets);
    }
  }
  return { root, edges };
}

/** Strongly connected components with more than one file (Tarjan), each a cycle to break. */
export function cycles(graph: ImportGraph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.edges.get(v) ?? []) {
      if (!graph.edges.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.edges.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.edges.keys()) if (!idx.has(v)) visit(v);
  return found;
}
