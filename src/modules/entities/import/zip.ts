import { createInflateRaw } from 'node:zlib';
import { fileError } from './limits.ts';

/** One file inside a zip, from the central directory (the local headers of a streamed zip may hold zeros). */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared: checked against the limits first, then enforced while inflating (it may lie). */
  size: number;
  headerOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;
/** A workbook has a few dozen parts; a directory of thousands is not a spreadsheet. */
export const MAX_ZIP_ENTRIES = 10_000;

const corrupt = () => fileError('无法读取 XLSX 文件：文件已损坏或不是有效的 Excel 工作簿，请用 Excel 重新保存后上传');

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/**
 * The central directory of a zip. `bytes` may be only the end of the file (`base` is then the file offset of
 * `bytes[0]`); undefined when the directory does not lie within it. Throws when the directory is malformed.
 */
export function readZipDirectory(bytes: Uint8Array, base = 0): ZipEntry[] | undefined {
  const dv = view(bytes);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt();
  const count = dv.getUint16(end + 10, true);
  const dirOffset = dv.getUint32(end + 16, true);
  if (count === 0xffff || dirOffset === U32_MAX || count > MAX_ZIP_ENTRIES) {
    throw fileError(`XLSX 文件包含的部件过多（超过 ${MAX_ZIP_ENTRIES} 个），不是常规的 Excel 工作簿`);
  }
  let at = dirOffset - base;
  if (at < 0) return undefined;
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) throw corrupt();
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw corrupt();
    const entry: ZipEntry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      headerOffset: dv.getUint32(at + 42, true),
    };
    readZip64(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extra field: the 64-bit values of the fields that hold 0xFFFFFFFF, in this order. */
function readZip64(extra: Uint8Array, entry: ZipEntry): void {
  const dv = view(extra);
  for (let i = 0; i + 4 <= extra.length; ) {
    const id = dv.getUint16(i, true);
    const length = dv.getUint16(i + 2, true);
    if (id === 0x0001) {
      let p = i + 4;
      const next = () => {
        if (p + 8 > i + 4 + length || p + 8 > extra.length) throw corrupt();
        const v = Number(dv.getBigUint64(p, true));
        p += 8;
        return v;
      };
      if (entry.size === U32_MAX) entry.size = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.headerOffset === U32_MAX) entry.headerOffset = next();
      return;
    }
    i += 4 + length;
  }
}

/** The entry's compressed bytes, located through its local header. */
function compressedData(file: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(file);
  const at = entry.headerOffset;
  if (at + 30 > file.length || dv.getUint32(at, true) !== LOCAL) throw corrupt();
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  if (start + entry.compressedSize > file.length) throw corrupt();
  return file.subarray(start, start + entry.compressedSize);
}

/**
 * The entry's content, inflated a chunk at a time. Never more than its declared size: a zip whose data inflates
 * past what its directory says is refused at that point, so the declared sizes (checked against the limits
 * before anything is inflated) bound what is actually produced.
 */
export async function* inflateEntry(file: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  if (entry.flags & 1) throw fileError('不支持加密的工作簿，请在 Excel 中取消密码保护后另存为 .xlsx 上传');
  const data = compressedData(file, entry);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw corrupt();
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    return;
  }
  if (entry.method !== 8) throw corrupt();
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.size) {
        throw fileError(`XLSX 文件已损坏：“${entry.name}”解压后的大小超过压缩包中记录的大小，可能是伪造的压缩文件`);
      }
      yield chunk;
    }
  } catch (err) {
    throw (err as { code?: string }).code?.startsWith('Z_') ? corrupt() : err;
  } finally {
    inflate.destroy();
  }
}
