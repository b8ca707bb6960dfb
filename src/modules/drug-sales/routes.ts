import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZDrugDaily,
  ZDrugDailyQuery,
  ZDrugSale,
  ZDrugSaleAlert,
  ZDrugSaleAlertHandleBody,
  ZDrugSaleAlertQuery,
  ZDrugSaleImportResult,
  ZDrugSalePersonal,
  ZDrugSaleQuery,
  ZDrugSaleSettings,
  ZDrugSaleSettingsBody,
  ZDrugWatchItem,
  ZDrugWatchListBody,
  ZPharmacyCode,
  ZPharmacyCodeBody,
} from '../../contracts/drug-sales.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import { z } from '../../contracts/zod.ts';
import { validation } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import type { SaleImport } from './services/import.ts';
import type { DrugSaleMonitoring } from './services/monitoring.ts';
import type { DrugSales } from './services/sales.ts';

/** 重点药品购药登记 for staff: registrations (masked; personal data audited), counts, alerts, settings, codes. */
export const drugSaleRoutes: FastifyPluginAsyncZod<{
  sales: DrugSales;
  monitoring: DrugSaleMonitoring;
  imports: SaleImport;
}> = async (app, { sales, monitoring, imports }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['drugs'];
  const read = { permission: 'drug:read' as const };
  const write = { permission: 'drug:write' as const };
  const settings = { permission: 'drug:settings' as const };

  app.get(
    '/drugs/sales',
    {
      config: read,
      schema: {
        tags,
        summary: '重点药品购药登记（个人信息已脱敏）',
        querystring: ZDrugSaleQuery,
        response: { 200: ZPage(ZDrugSale) },
      },
    },
    (req) => sales.list(actorOf(req), req.query),
  );
  app.get(
    '/drugs/sales/daily',
    {
      config: read,
      schema: {
        tags,
        summary: '每日登记人次（按药品类别、乡镇）',
        querystring: ZDrugDailyQuery,
        response: { 200: ZDrugDaily },
      },
    },
    (req) => monitoring.daily(actorOf(req), req.query.from, req.query.to),
  );
  app.get(
    '/drugs/sales/:id',
    {
      config: read,
      schema: { tags, summary: '一条购药登记（脱敏）', params: ZIdParams, response: { 200: ZDrugSale } },
    },
    (req) => sales.get(actorOf(req), req.params.id),
  );
  app.get(
    '/drugs/sales/:id/personal',
    {
      config: read,
      schema: {
        tags,
        summary: '购药人个人信息明文（需 drug:personal，每次查看记入审计日志）',
        params: ZIdParams,
        response: { 200: ZDrugSalePersonal },
      },
    },
    (req) => sales.personal(actorOf(req), req.params.id),
  );
  app.post(
    '/drugs/sales/import',
    {
      config: write,
      schema: {
        tags,
        summary: '导入药店收银系统导出的购药登记（CSV/XLSX，multipart：entityId、file；全部或不导入）',
        response: { 200: ZDrugSaleImportResult },
      },
    },
    async (req) => {
      const { file, fields } = await receiveUpload(req, IMPORT_MAX_BYTES);
      const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
      const entityId = z.coerce.number().int().positive().safeParse(fields.entityId);
      if (!entityId.success) throw validation('entityId', '请选择药店');
      return imports.staff(actorOf(req), entityId.data, bytes, file.filename);
    },
  );
  app.post(
    '/drugs/pharmacy-codes',
    {
      config: write,
      schema: {
        tags,
        summary: '为药店生成登记访问码（仅显示一次，旧码失效）',
        body: ZPharmacyCodeBody,
        response: { 200: ZPharmacyCode },
      },
    },
    (req) => sales.issueCode(actorOf(req), req.body.entityId),
  );
  app.get(
    '/drugs/sale-alerts',
    {
      config: read,
      schema: {
        tags,
        summary: '药品销售异常预警',
        querystring: ZDrugSaleAlertQuery,
        response: { 200: ZPage(ZDrugSaleAlert) },
      },
    },
    (req) => monitoring.alerts(actorOf(req), req.query),
  );
  app.post(
    '/drugs/sale-alerts/:id/handle',
    {
      config: read,
      schema: {
        tags,
        summary: '处置预警（卫健联络人或 drug:write）',
        params: ZIdParams,
        body: ZDrugSaleAlertHandleBody,
        response: { 200: ZDrugSaleAlert },
      },
    },
    (req) => monitoring.handleAlert(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/drugs/watch-list',
    { config: read, schema: { tags, summary: '重点药品目录', response: { 200: z.array(ZDrugWatchItem) } } },
    () => monitoring.watchList(),
  );
  app.put(
    '/drugs/watch-list',
    {
      config: settings,
      schema: {
        tags,
        summary: '维护重点药品目录',
        body: ZDrugWatchListBody,
        response: { 200: z.array(ZDrugWatchItem) },
      },
    },
    (req) => monitoring.replaceWatchList(actorOf(req), req.body),
  );
  app.get(
    '/drugs/sale-settings',
    { config: read, schema: { tags, summary: '保存期限、卫健联络人与预警规则', response: { 200: ZDrugSaleSettings } } },
    () => monitoring.settings(),
  );
  app.put(
    '/drugs/sale-settings',
    {
      config: settings,
      schema: {
        tags,
        summary: '修改保存期限、卫健联络人与预警规则',
        body: ZDrugSaleSettingsBody,
        response: { 200: ZDrugSaleSettings },
      },
    },
    (req) => monitoring.updateSettings(actorOf(req), req.body),
  );
};
