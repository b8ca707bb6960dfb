/** RFC 4180 CSV as Excel reads it: CRLF line ends, fields quoted only when they need it. */

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
// A cell starting with these is run as a formula by spreadsheet programs (CSV injection): shown as text instead.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (values: readonly unknown[]) => `${values.map(csvField).join(',')}\r\n`;

/** The whole CSV as a stream of text pieces: a BOM (so Excel detects UTF-8), the header, one piece per batch. */
export async function* csvPieces(headers: string[], batches: AsyncIterable<unknown[][]>): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(headers)}`;
  for await (const batch of batches) yield batch.map(csvLine).join('');
}
