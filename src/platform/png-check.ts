import { crc32, inflateSync } from 'node:zlib';
import { AppError } from './errors.ts';

/**
 * Whether an upload really is a PNG of sane size, before it is stored and later drawn into a PDF (where a broken
 * image would fail every print of the record): the signature bytes, IHDR first with dimensions in range and a
 * known colour type, every chunk whole with its CRC, image data that inflates to no more than its dimensions
 * allow, and IEND last. Answers 400 with a Chinese message naming the field.
 */
export interface PngLimits {
  maxBytes: number;
  minWidth: number;
  minHeight: number;
  maxWidth: number;
  maxHeight: number;
}

export interface PngInfo {
  width: number;
  height: number;
}

const MAGIC = Buffer.from('89504e470d0a1a0a', 'hex');
/** Colour type → allowed bit depths, and channels per pixel. */
const colourTypes: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

const notPng = (path: string, message: string) =>
  new AppError('BAD_REQUEST', `${path}：${message}`, [{ path, message }]);

export function checkPng(data: Buffer, limits: PngLimits, path = 'file'): PngInfo {
  if (data.length > limits.maxBytes) {
    throw notPng(path, `签名图片不能超过 ${Math.round(limits.maxBytes / 1024)} KB`);
  }
  if (data.length < 8 + 25 + 12 || !data.subarray(0, 8).equals(MAGIC)) throw notPng(path, '不是 PNG 图片');
  const chunks = readChunks(data, path);
  const ihdr = chunks[0];
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw notPng(path, 'PNG 图片缺少 IHDR 头');
  const width = ihdr.data.readUInt32BE(0);
  const height = ihdr.data.readUInt32BE(4);
  const [depth, colour, compression, filter, interlace] = ihdr.data.subarray(8);
  const kind = colourTypes[colour!];
  if (!kind?.depths.includes(depth!) || compression !== 0 || filter !== 0 || (interlace !== 0 && interlace !== 1)) {
    throw notPng(path, 'PNG 图片的格式参数无效');
  }
  if (width < limits.minWidth || height < limits.minHeight || width > limits.maxWidth || height > limits.maxHeight) {
    throw notPng(
      path,
      `图片尺寸 ${width}×${height} 不在允许范围内（${limits.minWidth}×${limits.minHeight} 至 ${limits.maxWidth}×${limits.maxHeight}）`,
    );
  }
  if (chunks.at(-1)?.type !== 'IEND') throw notPng(path, 'PNG 图片不完整（缺少 IEND）');
  const idat = chunks.filter((c) => c.type === 'IDAT').map((c) => c.data);
  if (!idat.length) throw notPng(path, 'PNG 图片没有图像数据');
  // One filter byte per row plus the row's bytes (interlaced images hold a little more: allow 2×).
  const rowBytes = Math.ceil((width * kind.channels * depth!) / 8) + 1;
  const expected = rowBytes * height * (interlace ? 2 : 1);
  try {
    inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  } catch {
    throw notPng(path, 'PNG 图片的图像数据已损坏');
  }
  return { width, height };
}

function readChunks(data: Buffer, path: string): { type: string; data: Buffer }[] {
  const chunks: { type: string; data: Buffer }[] = [];
  let at = 8;
  while (at < data.length) {
    if (at + 12 > data.length) throw notPng(path, 'PNG 图片不完整');
    const length = data.readUInt32BE(at);
    const end = at + 12 + length;
    if (end > data.length) throw notPng(path, 'PNG 图片不完整');
    const typeAndData = data.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== data.readUInt32BE(at + 8 + length)) throw notPng(path, 'PNG 图片校验失败（CRC）');
    chunks.push({ type: typeAndData.toString('latin1', 0, 4), data: typeAndData.subarray(4) });
    at = end;
    if (chunks.at(-1)!.type === 'IEND') break;
  }
  if (at !== data.length) throw notPng(path, 'PNG 图片结尾有多余数据');
  return chunks;
}
