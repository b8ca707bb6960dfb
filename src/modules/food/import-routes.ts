import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import { ZFoodImportQuery, ZFoodImportResult } from '../../contracts/food.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import { errorReportXlsx } from '../entities/import/error-report.ts';
import type { FoodImports } from './services/imports.ts';

/** XLSX imports of licences and health certificates: all rows or none, with the row errors. */
export const foodImportRoutes: FastifyPluginAsyncZod<{ imports: FoodImports }> = async (app, { imports }) => {
  const tags = ['food'];
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  for (const what of ['licences', 'certificates'] as const) {
    app.post(
      `/food/imports/${what}`,
      {
        config: { permission: 'food:write' as const },
        schema: {
          tags,
          summary:
            what === 'licences' ? '导入食品许可（XLSX，multipart：file）' : '导入健康证（XLSX，multipart：file）',
          querystring: ZFoodImportQuery,
          response: { 200: ZFoodImportResult },
        },
      },
      async (req, reply) => {
        const { file } = await receiveUpload(req, IMPORT_MAX_BYTES);
        const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
        const result = await imports[what](actorOf(req), bytes);
        if (req.query.report === 'xlsx' && result.errors.length) {
          return download(reply, XLSX_TYPE, `食品导入错误报告.xlsx`, 'food-import-errors.xlsx').send(
            errorReportXlsx(result.errors),
          );
        }
        return result;
      },
    );
  }
};
