import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZDrugSale,
  ZDrugSaleImportResult,
  ZPortalDrugAccessBody,
  ZPortalDrugSaleBody,
  ZPortalPharmacy,
} from '../../contracts/drug-sales.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import { requestMeta } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import type { SaleImport } from './services/import.ts';
import type { DrugSales } from './services/sales.ts';

/**
 * The pharmacy's phone page (no login; its access code in the body, never the URL). Every code-bearing route shares
 * one per-client limit (DRUG_ACCESS_RATE_LIMIT_PER_MINUTE), so guessing codes is slow.
 */
export const publicDrugSaleRoutes: FastifyPluginAsyncZod<{
  sales: DrugSales;
  imports: SaleImport;
  accessPerMinute: number;
}> = async (app, { sales, imports, accessPerMinute }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['public'];
  const coded = {
    auth: 'public' as const,
    rateLimit: { max: accessPerMinute, timeWindow: '1 minute', groupId: 'drug-access-code' },
  };
  app.post(
    '/public/drug-sales/access',
    {
      config: coded,
      schema: {
        tags,
        summary: '药店凭访问码打开购药登记页',
        body: ZPortalDrugAccessBody,
        response: { 200: ZPortalPharmacy },
      },
    },
    (req) => sales.portalOverview(req.body.accessCode),
  );
  app.post(
    '/public/drug-sales',
    {
      config: coded,
      schema: { tags, summary: '药店登记一笔重点药品销售', body: ZPortalDrugSaleBody, response: { 200: ZDrugSale } },
    },
    (req) => sales.portalRegister(req.body.accessCode, req.body, requestMeta(req).ip),
  );
  app.post(
    '/public/drug-sales/import',
    {
      config: coded,
      schema: {
        tags,
        summary: '药店导入收银系统导出文件（CSV/XLSX，multipart：accessCode、file）',
        response: { 200: ZDrugSaleImportResult },
      },
    },
    async (req) => {
      const { file, fields } = await receiveUpload(req, IMPORT_MAX_BYTES);
      const pharmacy = await sales.pharmacyOf(fields.accessCode ?? '');
      const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
      return imports.portal(pharmacy, bytes, file.filename, requestMeta(req).ip);
    },
  );
};
