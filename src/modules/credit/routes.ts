import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZAnnualReportBody,
  ZAnnualReportResult,
  ZApproveBatchBody,
  ZBatch,
  ZBatchQuery,
  ZDiscardBody,
  ZDistribution,
  ZEntityCredit,
  ZJobStarted,
  ZListing,
  ZListingExportQuery,
  ZListingQuery,
  ZModelBody,
  ZModelsView,
  ZProposeBody,
  ZRepair,
  ZRepairApplyBody,
  ZRepairDecideBody,
  ZRepairQuery,
  ZRepairReviewBody,
} from '../../contracts/credit.ts';
import { z } from '../../contracts/zod.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import type { CreditService } from './service.ts';

export const creditRoutes: FastifyPluginAsyncZod<{ credit: CreditService }> = async (app, { credit }) => {
  const tags = ['credit'];
  const read = { permission: 'credit:read' as const };
  const write = { permission: 'credit:write' as const };
  const { risk, batches, listings, repairs, reports } = credit;

  app.get(
    '/credit/distribution',
    { config: read, schema: { tags, summary: '信用风险分类分布（按所、按行业）', response: { 200: ZDistribution } } },
    async (req) => risk.distribution(actorOf(req)),
  );
  app.get(
    '/credit/entities/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '主体信用：分类及原因、历史、名录、年报、文书',
        params: ZIdParams,
        response: { 200: ZEntityCredit },
      },
    },
    async (req) => credit.entityCredit(actorOf(req), req.params.id),
  );
  app.post(
    '/credit/annual-reports',
    {
      config: write,
      schema: {
        tags,
        summary: '登记年报报送（单条或批量导入）',
        body: ZAnnualReportBody,
        response: { 200: ZAnnualReportResult },
      },
    },
    async (req) => reports.record(actorOf(req), req.body),
  );

  app.get(
    '/credit/batches',
    {
      config: read,
      schema: { tags, summary: '拟列入批次', querystring: ZBatchQuery, response: { 200: ZPage(ZBatch) } },
    },
    async (req) => batches.list(actorOf(req), req.query),
  );
  app.post(
    '/credit/batches',
    {
      config: write,
      schema: {
        tags,
        summary: '生成拟列入批次（经营异常名录 / 严重违法失信名单）',
        body: ZProposeBody,
        response: { 201: ZBatch },
      },
    },
    async (req, reply) => reply.status(201).send(await batches.propose(actorOf(req), req.body)),
  );
  app.get(
    '/credit/batches/:id',
    { config: read, schema: { tags, summary: '拟列入批次详情', params: ZIdParams, response: { 200: ZBatch } } },
    async (req) => batches.get(actorOf(req), req.params.id),
  );
  app.post(
    '/credit/batches/:id/approve',
    {
      config: write,
      schema: {
        tags,
        summary: '审核通过并作出列入决定（生成决定书）',
        params: ZIdParams,
        body: ZApproveBatchBody,
        response: { 200: ZBatch },
      },
    },
    async (req) => batches.approve(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/credit/batches/:id/discard',
    {
      config: write,
      schema: { tags, summary: '整批不予列入', params: ZIdParams, body: ZDiscardBody, response: { 200: ZBatch } },
    },
    async (req) => batches.discard(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/credit/listings',
    {
      config: read,
      schema: {
        tags,
        summary: '名录记录（经营异常名录、严重违法失信名单）',
        querystring: ZListingQuery,
        response: { 200: ZPage(ZListing) },
      },
    },
    async (req) => listings.list(actorOf(req), req.query),
  );
  app.get(
    '/credit/listings/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出名录记录 Excel（与列表相同的筛选条件与数据范围）',
        querystring: ZListingExportQuery,
      },
    },
    async (req, reply) => {
      const file = await listings.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.post(
    '/credit/listings/:id/discard',
    {
      config: write,
      schema: {
        tags,
        summary: '从拟列入批次中剔除一户',
        params: ZIdParams,
        body: ZDiscardBody,
        response: { 200: ZListing },
      },
    },
    async (req) => listings.discard(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/credit/repairs',
    {
      config: read,
      schema: { tags, summary: '信用修复申请', querystring: ZRepairQuery, response: { 200: ZPage(ZRepair) } },
    },
    async (req) => repairs.list(actorOf(req), req.query),
  );
  app.post(
    '/credit/repairs',
    {
      config: write,
      schema: { tags, summary: '登记信用修复申请', body: ZRepairApplyBody, response: { 201: ZRepair } },
    },
    async (req, reply) => reply.status(201).send(await repairs.apply(actorOf(req), req.body)),
  );
  app.get(
    '/credit/repairs/:id',
    { config: read, schema: { tags, summary: '信用修复申请详情', params: ZIdParams, response: { 200: ZRepair } } },
    async (req) => repairs.get(actorOf(req), req.params.id),
  );
  app.post(
    '/credit/repairs/:id/review',
    {
      config: write,
      schema: {
        tags,
        summary: '审查（核对修复条件）',
        params: ZIdParams,
        body: ZRepairReviewBody,
        response: { 200: ZRepair },
      },
    },
    async (req) => repairs.review(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/credit/repairs/:id/decide',
    {
      config: write,
      schema: {
        tags,
        summary: '作出准予或不予修复决定（生成决定书）',
        params: ZIdParams,
        body: ZRepairDecideBody,
        response: { 200: ZRepair },
      },
    },
    async (req) => repairs.decide(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/credit/models',
    { config: read, schema: { tags, summary: '信用风险分类模型（版本）', response: { 200: ZModelsView } } },
    async () => risk.models(),
  );
  app.post(
    '/credit/models',
    {
      config: write,
      schema: {
        tags,
        summary: '保存新版本模型',
        body: ZModelBody,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await risk.createModel(actorOf(req), req.body)),
  );
  app.post(
    '/credit/models/:id/activate',
    {
      config: write,
      schema: { tags, summary: '启用模型版本并全量重算', params: ZIdParams, response: { 202: ZJobStarted } },
    },
    async (req, reply) => reply.status(202).send(await risk.activate(actorOf(req), req.params.id)),
  );
  app.post(
    '/credit/recompute',
    { config: write, schema: { tags, summary: '全量重算信用风险分类（后台任务）', response: { 202: ZJobStarted } } },
    async (req, reply) => reply.status(202).send(await risk.startRecompute(actorOf(req))),
  );
};
