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
