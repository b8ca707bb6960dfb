// Entry of the import's parsing thread. Worker threads do not inherit tsx's loader from the main thread: from
// the sources the TypeScript module is loaded through tsx's API; from a build (dist/) the compiled one.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./parse-worker.ts', import.meta.url))) {
  const { tsImport } = await import('tsx/esm/api');
  await tsImport('./parse-worker.ts', import.meta.url);
} else {
  await import('./parse-worker.js');
}
