// Entry of the import's parsing thread. Worker threads do not inherit tsx's loader from the main thread, so the
// TypeScript module is loaded through tsx's API here.
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
