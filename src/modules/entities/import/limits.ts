import { IMPORT_MAX_ROWS } from '../../../contracts/entity-import.ts';
import { AppError } from '../../../platform/errors.ts';

/**
 * Bounds on what one import file may expand to, enforced while it streams: a small upload must not be able to
 * make the server inflate gigabytes (an XLSX is a zip) or hold millions of strings.
 */
export interface ImportLimits {
  /** Sum of the XLSX parts' uncompressed sizes, as declared and as actually inflated. */
  maxUnzippedBytes: number;
  /** The XLSX shared-string table, which has to be held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  /** Heap of the worker thread that parses the file. */
  workerHeapMb: number;
}

/** The defaults (server/config.ts uses them as the configuration's defaults). */
export const defaultImportLimits: ImportLimits = {
  maxUnzippedBytes: 1024 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxRows: IMPORT_MAX_ROWS,
  maxColumns: 200,
  maxCellChars: 32_767,
  workerHeapMb: 512,
};

export const fileError = (detail: string) => new AppError('VALIDATION', detail, [{ path: 'file', message: detail }]);

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const limitErrors = {
  unzipped: (limits: ImportLimits) =>
    fileError(`XLSX 文件解压后超过 ${megabytes(limits.maxUnzippedBytes)} 的上限，请拆分后分批导入`),
  sharedStrings: (limits: ImportLimits) =>
    fileError(
      `XLSX 文件的文本内容（共享字符串表）解压后超过 ${megabytes(limits.maxSharedStringsBytes)} 的上限，请拆分后分批导入`,
    ),
  rows: (limits: ImportLimits) => fileError(`文件超过 ${limits.maxRows} 行，请拆分后分批导入`),
  columns: (limits: ImportLimits, row: number) =>
    fileError(`第 ${row} 行超过 ${limits.maxColumns} 列的上限，请删除多余的列后重新导入`),
  /** `row` when known (a shared string is not yet tied to a row). */
  cellChars: (limits: ImportLimits, row?: number) =>
    fileError(`${row ? `第 ${row} 行` : '文件中'}有单元格超过 ${limits.maxCellChars} 个字符的上限`),
  heap: (limits: ImportLimits) =>
    fileError(
      `解析文件所需内存超过 ${limits.workerHeapMb} MB 的上限，已停止导入。文件可能异常（如压缩炸弹）或过大，请检查后拆分导入`,
    ),
};
