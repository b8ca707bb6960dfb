import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IMPORT_MAX_BYTES,
  ZEntityExportQuery,
  ZEntityImportAccepted,
  ZEntityImportMode,
  ZEntityImportParams,
  ZEntityImportQuery,
  ZEntityImportStatus,
  ZEntityTemplateQuery,
} from '../../contracts/entity-import.ts';
import { validation } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import type { EntityExportService } from './export/service.ts';
import { errorReportXlsx } from './import/error-report.ts';
import type { EntityImportService } from './import/service.ts';
import { templateCsv, templateXlsx } from './import/template.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback for old clients, the Chinese name as filename*. */
export function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const download = (reply: FastifyReply, type: string, filename: string, ascii: string) =>
  reply.type(type).header('content-disposition', attachment(filename, ascii)).header('cache-control', 'no-store');

export const entityImportExportRoutes: FastifyPluginAsyncZod<{
  imports: EntityImportService;
  exports: EntityExportService;
}> = async (app, { imports, exports }) => {
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
