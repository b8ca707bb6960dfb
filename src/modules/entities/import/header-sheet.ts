import { AppError } from '../../../platform/errors.ts';
import { sniffFormat } from './file-type.ts';
import type { ImportLimits } from './limits.ts';
import { readRows, type SheetRow } from './read-rows.ts';
import { cellText } from './values.ts';
import { readXlsxRows } from './xlsx-reader.ts';

/**
 * A small result sheet (lab results of food and product sampling) as XLSX or CSV: the header row is found by its
 * column titles, required titles missing are one 422, and each data row comes back keyed by column with its row
 * number, so the caller can report every bad row.
 */
export async function readHeaderSheet<K extends string>(
  file: Uint8Array,
  limits: ImportLimits,
  columns: Readonly<Record<K, string>>,
  required: readonly K[],
  filename = '',
): Promise<{ row: number; cells: Record<K, unknown> }[]> {
  const byHeader = new Map<string, K>(Object.entries(columns).map(([k, l]) => [l as string, k as K]));
  const format = sniffFormat(file.subarray(0, 8192), filename);
  const rows: SheetRow[] = [];
  try {
    const known = (cells: readonly unknown[]) => cells.filter((c) => byHeader.has(cellText(c))).length;
    const source = {
      filename,
      format,
      open: async function* () {
        yield file;
      },
    };
    for await (const r of format === 'xlsx' ? readXlsxRows(file, limits, known) : readRows(source, limits))
      rows.push(r);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', '无法读取文件：文件已损坏或不是有效的 Excel 工作簿 / CSV', [
      { path: 'file', message: '不是有效的 XLSX 或 CSV 文件' },
    ]);
  }
  const headerAt = rows.findIndex((r) => r.cells.some((c) => byHeader.has(cellText(c))));
  const header = rows[headerAt];
  const cols = new Map<K, number>();
  header?.cells.forEach((c, i) => {
    const key = byHeader.get(cellText(c));
    if (key) cols.set(key, i);
  });
  const missing = required.filter((k) => !cols.has(k)).map((k) => columns[k]);
  if (!header || missing.length)
    throw new AppError('VALIDATION', `缺少必填列：${missing.join('、') || '表头'}`, [
      { path: 'file', message: '缺少必填列' },
    ]);
  return rows
    .slice(headerAt + 1)
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r) => ({
      row: r.row,
      cells: Object.fromEntries([...cols].map(([k, i]) => [k, r.cells[i]])) as Record<K, unknown>,
    }));
}
