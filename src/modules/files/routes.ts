import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import { ZStoredFile } from '../../contracts/files.ts';
import { actorOf } from '../../platform/http.ts';
import type { FileService, StoredFileRow } from './service.ts';

const inlineTypes = /^(image\/|application\/pdf|video\/mp4|audio\/mpeg)/;

/** Sends a stored file: pictures and PDFs open in the browser, the SHA-256 travels along as a receipt. */
export function sendStoredFile(reply: FastifyReply, file: StoredFileRow, data: Buffer) {
  const disposition = inlineTypes.test(file.mimeType) ? 'inline' : 'attachment';
  return reply
    .type(file.mimeType)
    .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-sha256', file.sha256)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(data);
}

export const fileRoutes: FastifyPluginAsyncZod<{ files: FileService }> = async (app, { files }) => {
  const tags = ['files'];
  app.get(
    '/files/:id/meta',
    {
      config: { auth: 'session' },
      schema: { tags, summary: '附件信息（含 SHA-256）', params: ZIdParams, response: { 200: ZStoredFile } },
    },
    async (req) => {
      const { file } = await files.open(actorOf(req), req.params.id);
      return file;
    },
  );
  app.get(
    '/files/:id',
    {
      config: { auth: 'session' },
      schema: { tags, summary: '下载附件', params: ZIdParams },
    },
    async (req, reply) => {
      const { file, data } = await files.open(actorOf(req), req.params.id);
      return sendStoredFile(reply, file, data);
    },
  );
};
