import { AppError } from '../../../platform/errors.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

const signatures: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

const has = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const unsupported = (detail: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', detail);
const HINT = '请上传 .xlsx 或 .csv 文件（可先下载导入模板）';

/** Text has no NUL bytes, except UTF-16 text, which starts with its BOM. */
function looksLikeText(head: Uint8Array): boolean {
  if (has(head, [0xff, 0xfe])) return true;
  return !head.subarray(0, 8192).includes(0);
}

/**
 * XLSX or CSV, from the file's first bytes (the name alone can lie). Anything else is a clear 4xx:
 * an empty file, an old .xls or an encrypted workbook, a PDF or image, an .xlsx that is not a zip.
 */
export function sniffFormat(head: Uint8Array, filename: string): SpreadsheetFormat {
  const name = filename.toLowerCase();
  if (head.length === 0) throw new AppError('VALIDATION', '上传的文件为空', [{ path: 'file', message: '文件为空' }]);
  if (has(head, ZIP)) return 'xlsx';
  if (has(head, OLE2)) {
    throw unsupported('不支持 Excel 97-2003（.xls）格式或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后上传');
  }
  const known = signatures.find((s) => has(head, s.bytes));
  if (known) throw unsupported(`不支持上传${known.what}。${HINT}`);
  if (/\.(xlsx|xlsm)$/.test(name)) {
    throw new AppError('VALIDATION', 'XLSX 文件已损坏或不是 Excel 工作簿，请用 Excel 重新保存后上传', [
      { path: 'file', message: '不是有效的 XLSX 文件' },
    ]);
  }
  if (looksLikeText(head)) return 'csv';
  throw unsupported(`无法识别的文件类型。${HINT}`);
}
