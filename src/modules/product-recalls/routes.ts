import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import {
  ZAlertBatch,
  ZAlertImportResult,
  ZAlertMatch,
  ZAlertMatchDecision,
  ZAlertMatchNote,
  ZAlertMatchQuery,
  ZPublicRecall,
  ZPublicRecallQuery,
  ZRecall,
  ZRecallBody,
  ZRecallCompleteBody,
  ZRecallDetail,
  ZRecallExportQuery,
  ZRecallQuery,
  ZRecallReportBody,
  ZRecallReportParams,
  ZRecallVersionBody,
} from '../../contracts/product-recalls.ts';
import { z } from '../../contracts/zod.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import type { AlertImport } from './services/alert-import.ts';
import type { AlertService } from './services/alerts.ts';
import type { RecallExport } from './services/export.ts';
import type { RecallService } from './services/recalls.ts';

interface Deps {
  recalls: RecallService;
  exporter: RecallExport;
  alerts: AlertService;
  importAlerts: AlertImport;
  maxUploadBytes: number;
}

/** 缺陷产品召回 and 风险通报 (tag product-recalls): thin routes over the recall and alert services. */
export const productRecallRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { recalls, exporter, alerts, importAlerts, maxUploadBytes },
) => {
  const tags = ['product-recalls'];
  const read = { permission: 'product:read' as const };
  const write = { permission: 'product:write' as const };
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/product/recalls',
    {
      config: read,
      schema: { tags, summary: '缺陷产品召回', querystring: ZRecallQuery, response: { 200: ZPage(ZRecall) } },
    },
    (req) => recalls.list(actorOf(req), req.query),
  );
  app.get(
    '/product/recalls/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出缺陷产品召回 Excel（与列表相同的筛选与数据范围）',
        querystring: ZRecallExportQuery,
      },
    },
    async (req, reply) => {
      const file = exporter.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.post(
    '/product/recalls',
    { config: write, schema: { tags, summary: '备案召回计划', body: ZRecallBody, response: { 200: ZRecallDetail } } },
    (req) => recalls.create(actorOf(req), req.body),
  );
  app.get(
    '/product/recalls/:id',
    { config: read, schema: { tags, summary: '召回详情', params: ZIdParams, response: { 200: ZRecallDetail } } },
    (req) => recalls.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/product/recalls/:id/reports',
    {
      config: write,
      schema: {
        tags,
        summary: '报告召回进展',
        params: ZIdParams,
        body: ZRecallReportBody,
        response: { 200: ZRecallDetail },
      },
    },
    (req) => recalls.report(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/product/recalls/:id/reports/:reportId/file',
    {
      config: write,
      schema: {
        tags,
        summary: '上传进展报告附件（multipart：file；下载走 /files/:id）',
        params: ZRecallReportParams,
        response: { 200: ZRecallDetail },
      },
    },
    (req) =>
      recalls.attach(actorOf(req), req.params.id, req.params.reportId, () =>
        receiveUpload(req, maxUploadBytes, attachmentTooLarge),
      ),
  );
  app.post(
    '/product/recalls/:id/complete',
    {
      config: write,
      schema: {
        tags,
        summary: '完成召回',
        params: ZIdParams,
        body: ZRecallCompleteBody,
        response: { 200: ZRecallDetail },
      },
    },
    (req) => recalls.complete(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/product/recalls/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: '公布召回信息',
        params: ZIdParams,
        body: ZRecallVersionBody,
        response: { 200: ZRecallDetail },
      },
    },
    (req) => recalls.publish(actorOf(req), req.params.id, req.body.version),
  );

  app.get(
    '/product/alerts/batches',
    { config: read, schema: { tags, summary: '风险通报导入批次', response: { 200: z.array(ZAlertBatch) } } },
    (req) => alerts.batches(actorOf(req)),
  );
  app.post(
    '/product/alerts/imports',
    {
      config: write,
      schema: {
        tags,
        summary: '导入产品风险通报（CSV/XLSX，multipart：file；有错误行时 422 列出每一行，不导入）',
        response: { 200: ZAlertImportResult },
      },
    },
    async (req) => {
      const { file } = await receiveUpload(req, IMPORT_MAX_BYTES);
      const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
      return importAlerts(actorOf(req), bytes, file.filename);
    },
  );
  app.get(
    '/product/alerts/matches',
    {
      config: read,
      schema: {
        tags,
        summary: '风险通报匹配（核实队列）',
        querystring: ZAlertMatchQuery,
        response: { 200: ZPage(ZAlertMatch) },
      },
    },
    (req) => alerts.list(actorOf(req), req.query),
  );
  app.get(
    '/product/alerts/matches/:id',
    { config: read, schema: { tags, summary: '风险通报匹配', params: ZIdParams, response: { 200: ZAlertMatch } } },
    (req) => alerts.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/product/alerts/matches/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '填写核实备注',
        params: ZIdParams,
        body: ZAlertMatchNote,
        response: { 200: ZAlertMatch },
      },
    },
    (req) => alerts.note(actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/product/alerts/matches/:id/confirm',
    {
      config: write,
      schema: {
        tags,
        summary: '确认匹配并生成案件线索',
        params: ZIdParams,
        body: ZAlertMatchDecision,
        response: { 200: ZAlertMatch },
      },
    },
    (req) => alerts.confirm(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/product/alerts/matches/:id/dismiss',
    {
      config: write,
      schema: {
        tags,
        summary: '排除匹配（须说明理由）',
        params: ZIdParams,
        body: ZAlertMatchDecision,
        response: { 200: ZAlertMatch },
      },
    },
    (req) => alerts.dismiss(actorOf(req), req.params.id, req.body),
  );
};

/** 缺陷产品召回信息 on the portal (no login): published recalls only. */
export const publicProductRecallRoutes: FastifyPluginAsyncZod<{
  recalls: RecallService;
  rateLimitPerMinute: number;
}> = async (app, { recalls, rateLimitPerMinute }) => {
  app.get(
    '/public/product/recalls',
    {
      config: { auth: 'public', rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '缺陷产品召回信息（免登录）',
        querystring: ZPublicRecallQuery,
        response: { 200: ZPage(ZPublicRecall) },
      },
    },
    (req) => recalls.published(req.query),
  );
};
