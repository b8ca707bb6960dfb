import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IMPORT_MAX_BYTES,
  ZEntityImportAccepted,
  ZEntityImportMode,
  ZEntityImportParams,
  ZEntityImportQuery,
  ZEntityImportStatus,
  ZEntityTemplateQuery,
} from '../../../contracts/entity-import.ts';
import { download, XLSX_TYPE } from '../../../platform/download.ts';
import { validation } from '../../../platform/errors.ts';
import { actorOf } from '../../../platform/http.ts';
import { receiveUpload } from '../../../platform/uploads.ts';
import { errorReportXlsx } from './error-report.ts';
import type { EntityImportService } from './service.ts';
import { templateCsv, templateXlsx } from './template.ts';

export const entityImportRoutes: FastifyPluginAsyncZod<{ imports: EntityImportService }> = async (app, { imports }) => {
  const tags = ['entities'];
  // Registered here, not app-wide, so only these routes accept multipart bodies (unless the app already does).
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/entities/import/template.xlsx',
    {
      config: { permission: 'entity:write' },
      schema: { tags, summary: '下载市场主体导入模板（?format=csv 为 CSV）', querystring: ZEntityTemplateQuery },
    },
    async (req, reply) => {
      if (req.query.format === 'csv') {
        return download(reply, 'text/csv; charset=utf-8', '市场主体导入模板.csv', 'entity-import-template.csv').send(
          templateCsv(),
        );
      }
      return download(reply, XLSX_TYPE, '市场主体导入模板.xlsx', 'entity-import-template.xlsx').send(
        await templateXlsx(imports.limits.maxRows),
      );
    },
  );

  app.post(
    '/entities/imports',
    {
      config: { permission: 'entity:write' },
      schema: {
        tags,
        summary: '批量导入市场主体（multipart：file，mode=all|validOnly）；返回后台任务编号',
        querystring: ZEntityImportQuery,
        response: { 202: ZEntityImportAccepted },
      },
    },
    async (req, reply) => {
      const { file, fields } = await receiveUpload(req, IMPORT_MAX_BYTES);
      const mode = ZEntityImportMode.safeParse(fields.mode || req.query.mode || 'all');
      if (!mode.success) throw validation('mode', '导入方式应为 all（全部有效才导入）或 validOnly（仅导入有效行）');
      return reply.status(202).send(await imports.submit(actorOf(req), file, mode.data));
    },
  );

  app.get(
    '/entities/imports/:jobId',
    {
      config: { permission: 'entity:write' },
      schema: {
        tags,
        summary: '导入任务进度与结果',
        params: ZEntityImportParams,
        response: { 200: ZEntityImportStatus },
      },
    },
    async (req) => imports.status(actorOf(req), req.params.jobId),
  );

  app.get(
    '/entities/imports/:jobId/errors.xlsx',
    {
      config: { permission: 'entity:write' },
      schema: { tags, summary: '下载导入错误报告（XLSX）', params: ZEntityImportParams },
    },
    async (req, reply) => {
      const errors = await imports.errors(actorOf(req), req.params.jobId);
      const name = `导入错误报告_${req.params.jobId}.xlsx`;
      return download(reply, XLSX_TYPE, name, `import-errors-${req.params.jobId}.xlsx`).send(errorReportXlsx(errors));
    },
  );
};
