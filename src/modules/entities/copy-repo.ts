import type { Copyable } from '../../db/client.ts';
import { copyValue } from '../../db/copy.ts';
import { type EntityRow, entityRowColumns } from './row.ts';

export const entityCopySql = `COPY entities (${entityRowColumns.map(([column]) => column).join(', ')}) FROM STDIN`;

/** copyLine of the row's columns, without the array of values (it runs for every imported row). */
export function entityCopyLine(row: EntityRow): string {
  let line = copyValue(row[entityRowColumns[0][1]]);
  for (let i = 1; i < entityRowColumns.length; i++) line += `\t${copyValue(row[entityRowColumns[i]![1]])}`;
  return `${line}\n`;
}

function* syncLines(rows: Iterable<EntityRow>): Generator<string> {
  for (const row of rows) yield entityCopyLine(row);
}

async function* asyncLines(rows: AsyncIterable<EntityRow>): AsyncGenerator<string> {
  for await (const row of rows) yield entityCopyLine(row);
}

// A sync source stays sync: a for-await over millions of rows costs a microtask each.
const entityLines = (rows: AsyncIterable<EntityRow> | Iterable<EntityRow>) =>
  Symbol.iterator in rows ? syncLines(rows) : asyncLines(rows);

/** Streams entity rows into `entities` through COPY; `tx` is a Db or a transaction handle. */
export function copyEntityRows(tx: Copyable, rows: AsyncIterable<EntityRow> | Iterable<EntityRow>): Promise<number> {
  return tx.copyFrom(entityCopySql, entityLines(rows));
}
