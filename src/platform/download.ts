import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback for old clients, the Chinese name as filename*. */
export function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Headers of a file download the browser saves and never caches. */
export const download = (reply: FastifyReply, type: string, filename: string, ascii: string) =>
  reply.type(type).header('content-disposition', attachment(filename, ascii)).header('cache-control', 'no-store');
