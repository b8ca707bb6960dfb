import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../platform/errors.ts';
import { type CheckedItem, flattenChecked } from './checked-batch.ts';
import { requireHeaderMap } from './headers.ts';
import { readRowBatches, type SheetRow } from './read-rows.ts';
import type { CheckContext, ParseMessage, ParseRequest } from './read-rows-worker.ts';
import { stationDirectory } from './stations.ts';
import { validateRow } from './validate-row.ts';
import { cellText } from './values.ts';

/** Rows per message, and messages sent ahead of the main thread's acknowledgements. */
const BATCH = 500;
const WINDOW = 4;

async function* bytesOf(bytes: Uint8Array) {
  yield bytes;
}

/**
 * Rows to outcomes, one call per row: the first non-empty row is the header (its map is the item); empty rows give
 * none. Exported for bench/import-cpu-measure.ts.
 */
export function rowChecker(check: CheckContext): (row: SheetRow) => CheckedItem | undefined {
  const stations = stationDirectory(check.units);
  let map: ReturnType<typeof requireHeaderMap> | undefined;
  return ({ row, cells }) => {
    if (cells.every((c) => cellText(c) === '')) return undefined;
    if (!map) {
      map = requireHeaderMap(cells);
      return { map };
    }
    return { row, outcome: validateRow(row, cells, { map, stations, actor: check.actor }) };
  };
}

/** Runs in the worker thread: reads the file within the limits and posts its rows in acknowledged batches. */
async function run(port: NonNullable<typeof parentPort>, req: ParseRequest): Promise<void> {
  const post = (m: ParseMessage) => port.postMessage(m);
  let credits = WINDOW;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  let batch: (SheetRow | CheckedItem)[] = [];
  const send = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post(
      req.check
        ? { type: 'checked', flat: flattenChecked(batch as CheckedItem[]) }
        : { type: 'rows', rows: batch as SheetRow[] },
    );
    batch = [];
  };
  const source = {
    filename: req.filename,
    format: req.format,
    open: () => (req.path ? createReadStream(req.path) : bytesOf(req.bytes ?? new Uint8Array())),
  };
  try {
    const check = req.check ? rowChecker(req.check) : undefined;
    for await (const rows of readRowBatches(source, req.limits)) {
      for (const row of rows) {
        const item = check ? check(row) : row;
        if (!item) continue;
        batch.push(item);
        if (batch.length >= BATCH) await send();
      }
    }
    if (batch.length) await send();
    post({ type: 'done' });
  } catch (err) {
    post({
      type: 'error',
      error:
        err instanceof AppError
          ? { code: err.code, detail: err.detail, errors: err.errors }
          : { message: err instanceof Error ? err.message : String(err) },
    });
  }
}

if (parentPort) await run(parentPort, workerData as ParseRequest);
