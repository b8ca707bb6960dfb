import { setImmediate as turn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, type ErrorCode, type FieldError } from '../../../platform/errors.ts';
import { type CheckedItem, unflattenChecked } from './checked-batch.ts';
import { type ImportLimits, limitErrors } from './limits.ts';
import type { ImportSource, SheetRow } from './read-rows.ts';
import type { OrgUnitRef } from './stations.ts';

/** What the worker needs to validate rows as well as parse them. */
export interface CheckContext {
  units: OrgUnitRef[];
  actor: Actor;
}

export interface ParseRequest {
  filename: string;
  format: ImportSource['format'];
  limits: ImportLimits;
  bytes?: Uint8Array;
  path?: string;
  /** Given: the worker validates each row too (validate-row.ts) and posts outcomes, not cells. */
  check?: CheckContext;
}

export type { CheckedItem } from './checked-batch.ts';

export type ParseMessage =
  | { type: 'rows'; rows: SheetRow[] }
  /** Checked items, flattened (checked-batch.ts). */
  | { type: 'checked'; flat: unknown[] }
  | { type: 'done' }
  | { type: 'error'; error: { code: ErrorCode; detail: string; errors: FieldError[] } | { message: string } };

const workerUrl = new URL('./parse-worker.mjs', import.meta.url);

/**
 * The worker's young generation. V8 sizes it from the old generation's cap, so a 512 MB heap got a small one, and
 * the short-lived objects of every row (cells, candidates, outcomes) were scavenged so often that GC took a sixth of
 * the worker's time on a 1 M-row sheet.
 */
const WORKER_YOUNG_MB = 64;

/** The source's bytes in one transferable buffer (an upload is within the upload cap). */
async function allBytes(source: ImportSource): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source.open()) {
    chunks.push(chunk);
    size += chunk.length;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The file's rows, parsed in a worker thread whose heap is capped: a file that needs more memory than allowed
 * (a zip bomb the byte limits did not catch, a parser bug) ends that thread and fails the import; the server
 * and its other requests are not affected. Rows arrive in batches the consumer acknowledges, so a slow
 * consumer (database lookups) holds at most a few batches.
 */
export async function* readRowsInWorker(source: ImportSource, limits: ImportLimits): AsyncGenerator<SheetRow> {
  for await (const batch of batchesFromWorker<SheetRow>(source, limits)) yield* batch;
}

/**
 * As readRowsInWorker, but the worker also validates every row (header first, then each non-empty row), so that
 * parsing and validation run on the worker's core while the main thread renders the valid rows and checks them
 * against the database. Items in row order, in the batches the worker posts (an async step per row cost more than
 * handling it).
 */
export function checkRowsInWorker(
  source: ImportSource,
  limits: ImportLimits,
  check: CheckContext,
): AsyncGenerator<CheckedItem[]> {
  return batchesFromWorker<CheckedItem>(source, limits, check);
}

async function* batchesFromWorker<T>(
  source: ImportSource,
  limits: ImportLimits,
  check?: CheckContext,
): AsyncGenerator<T[]> {
  const request: ParseRequest = { filename: source.filename, format: source.format, limits, path: source.path, check };
  if (!source.path) request.bytes = await allBytes(source);
  const worker = new Worker(workerUrl, {
    workerData: request,
    transferList: request.bytes ? [request.bytes.buffer as ArrayBuffer] : [],
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const inbox: ParseMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => wake?.();
  worker.on('message', (m: ParseMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (failure) throw workerFailure(failure, limits);
        if (exited) throw new Error('解析文件的线程意外退出');
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.type === 'done') return;
      if (m.type === 'error') {
        throw 'code' in m.error
          ? new AppError(m.error.code, m.error.detail, m.error.errors)
          : new Error(m.error.message);
      }
      yield m.type === 'checked' ? ([...unflattenChecked(m.flat)] as T[]) : (m.rows as T[]);
      worker.postMessage('more');
      // Row checks resolve as microtasks (PGlite too): let timers and requests in between batches.
      await turn();
    }
  } finally {
    await worker.terminate();
  }
}

function workerFailure(err: Error, limits: ImportLimits): Error {
  if ((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') return limitErrors.heap(limits);
  return new Error(`解析文件的线程出错：${err.message}`);
}
