import { PassThrough } from 'node:stream';
import { type SheetColumn, writeXlsx } from './xlsx-stream.ts';

/** Rows per keyset query: large enough to amortise the round trip, small enough to keep memory flat. */
export const EXPORT_BATCH = 2000;

/** A sheet column and how to read its cell from one repo row (masking happens here, as on the list pages). */
export interface ExportColumn<R> extends SheetColumn {
  value(r: R): unknown;
}

/** Every row of a list newest first, one keyset batch at a time: `page` is the list's own repo query. */
export async function* keysetBatches<R extends { id: number }>(
  page: (beforeId: number | undefined, limit: number) => Promise<R[]>,
  size = EXPORT_BATCH,
): AsyncGenerator<R[]> {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await page(beforeId, size);
    if (rows.length === 0) return;
    yield rows.slice(0, size);
    if (rows.length < size) return;
    beforeId = rows.at(-1)!.id;
  }
}

/**
 * A streaming XLSX download body. `finished` runs once the writer stops — with the rows written and whether the
 * file was complete (a reader that went away or a failed query leaves it cut off) — so the audit row can say
 * exactly how many rows left the building.
 */
export function xlsxBody<R>(
  sheetName: string,
  columns: ExportColumn<R>[],
  batches: AsyncIterable<R[]>,
  finished: (rows: number, complete: boolean) => Promise<void>,
): PassThrough {
  const out = new PassThrough();
  // Errors reach the client as a cut-off download; without a listener they would crash the process.
  out.on('error', () => {});
  let written = 0;
  let cutOff = false;
  out.on('close', () => {
    if (!out.writableFinished) cutOff = true;
  });
  async function* cells() {
    for await (const batch of batches) {
      written += batch.length;
      yield batch.map((r) => columns.map((c) => c.value(r)));
    }
  }
  writeXlsx(out, sheetName, columns, cells())
    .then(
      (rows) => finished(rows, !cutOff),
      (err) => {
        out.destroy(err);
        return finished(written, false);
      },
    )
    .catch(() => {});
  return out;
}
