import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

/** A multipart file part read into memory. */
export interface ReceivedFile {
  filename: string;
  /** As the client declared it; sniff the bytes before trusting it. */
  mimeType: string;
  pieces: Uint8Array[];
  sizeBytes: number;
}

/** Room for the multipart boundaries and small fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Imports answer 413 (split the file); attachments answer 422 naming the field, as a form error. */
export type TooLarge = (maxBytes: number) => AppError;
export const importTooLarge: TooLarge = (maxBytes) =>
  new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${mb(maxBytes)} MB 的上限，请拆分后分批导入`, [
    { path: 'file', message: '文件过大' },
  ]);
export const attachmentTooLarge: TooLarge = (maxBytes) =>
  new AppError('VALIDATION', `附件超过 ${mb(maxBytes)} MB 的上限`, [
    { path: 'file', message: `附件不能超过 ${mb(maxBytes)} MB` },
  ]);

/** @fastify/multipart and busboy errors, as the caller's mistakes they are, in Chinese. */
function fromMultipartError(err: unknown, maxBytes: number, tooLarge: TooLarge): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return new AppError('BAD_REQUEST', '一次只能上传一个文件');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('BAD_REQUEST', '表单字段过多');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件（字段名 file）');
  }
  const message = err instanceof Error ? err.message : '';
  if (/terminated early|Unexpected end|Malformed|boundary/i.test(message)) {
    return new AppError('BAD_REQUEST', '上传中断或表单格式错误，请重新上传');
  }
  return err;
}

/**
 * Reads the multipart body: the first file part (in memory, at most `maxBytes`) and the text fields.
 * A declared Content-Length over the cap is refused before a byte is read.
 */
export async function receiveUpload(
  req: FastifyRequest,
  maxBytes: number,
  tooLarge: TooLarge = importTooLarge,
): Promise<{ file: ReceivedFile; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw fromMultipartError({ code: 'FST_INVALID_MULTIPART_CONTENT_TYPE' }, maxBytes, tooLarge);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
  let file: ReceivedFile | undefined;
  const fields: Record<string, string> = {};
  try {
    // Limits per call, so they hold however the multipart plugin was registered.
    const limits = { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 20 };
    for await (const part of req.parts({ limits })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      const pieces: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw tooLarge(maxBytes);
        pieces.push(chunk);
      }
      if (part.file.truncated) throw tooLarge(maxBytes);
      file ??= { filename: part.filename || 'upload', mimeType: part.mimetype, pieces, sizeBytes: size };
    }
  } catch (err) {
    throw fromMultipartError(err, maxBytes, tooLarge);
  }
  if (!file) {
    throw new AppError('VALIDATION', '请选择要上传的文件（表单字段 file）', [{ path: 'file', message: '缺少文件' }]);
  }
  return { file, fields };
}
