import { type EntityRow, entityRowColumns } from '../modules/entities/row.ts';
import type { Copyable } from './client.ts';

/**
 * PostgreSQL COPY text format: one line per row, columns separated by tabs, `\N` for null. Backslash, tab,
 * newline and carriage return inside a value are backslash-escaped; nothing else needs quoting in this format.
 */
const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyText(value: string): string {
  // Most values have nothing to escape; testing first skips the replace allocation.
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? c) : value;
}

export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return copyText(value);
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`COPY 不支持的数值：${value}`);
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value instanceof Date) return value.toISOString();
      // Objects and arrays go to jsonb columns.
      return copyText(JSON.stringify(value));
  }
}

/** One COPY text line, newline included. */
export function copyLine(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyValue(values[i]);
  return `${line}\n`;
}

export const entityCopySql = `COPY entities (${entityRowColumns.map(([column]) => column).join(', ')}) FROM STDIN`;

export function entityCopyLine(row: EntityRow): string {
  return copyLine(entityRowColumns.map(([, key]) => row[key]));
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
