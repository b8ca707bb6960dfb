import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZEntityExportQuery } from '../../../contracts/entity-import.ts';
import { download } from '../../../platform/download.ts';
import { actorOf } from '../../../platform/http.ts';
import type { EntityExportService } from './service.ts';

export const entityExportRoutes: FastifyPluginAsyncZod<{ exports: EntityExportService }> = async (app, { exports }) => {
  const tags = ['entities'];
  app.get(
    '/entities/export',
    {
      config: { permission: 'entity:read' },
      schema: {
        tags,
        summary: '导出市场主体（与列表相同的筛选条件与数据范围；证件号、电话脱敏）',
        querystring: ZEntityExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exports.export(actorOf(req), req.query);
      const ascii = file.filename.replace(/^市场主体/, 'entities');
      return download(reply, file.contentType, file.filename, ascii).send(file.body);
    },
  );
};
