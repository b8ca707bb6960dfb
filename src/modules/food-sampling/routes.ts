import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import { ZFoodImportQuery, ZFoodImportResult } from '../../contracts/food.ts';
import {
  ZDeliverBody,
  ZHandleBody,
  ZNotifyBody,
  ZPassRateQuery,
  ZPassRates,
  ZPublicSample,
  ZPublicSampleQuery,
  ZResultBody,
  ZRetestBody,
  ZRetestRequestBody,
  ZSample,
  ZSampleBody,
  ZSampleDetail,
  ZSamplePatch,
  ZSampleQuery,
  ZSamplingPlan,
  ZSamplingPlanBody,
  ZSamplingPlanPatch,
  ZSamplingPlanQuery,
  ZVersionBody,
} from '../../contracts/food-sampling.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveResultImport, sendInlinePdf } from '../../platform/sampling/http.ts';
import { errorReportXlsx } from '../entities/import/error-report.ts';
import type { SampleNotice } from './services/notice.ts';
import type { SamplingPlanService } from './services/plans.ts';
import type { ResultImport } from './services/result-import.ts';
import type { SampleService } from './services/samples.ts';

interface Deps {
  samples: SampleService;
  plans: SamplingPlanService;
  importResults: ResultImport;
  notice: SampleNotice;
}

/** 食品安全监督抽检: thin routes over the sample and plan services (tag food-sampling). */
export const foodSamplingRoutes: FastifyPluginAsyncZod<Deps> = async (
  app,
  { samples, plans, importResults, notice },
) => {
  const tags = ['food-sampling'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/food/sampling/plans',
    {
      config: read,
      schema: { tags, summary: '抽检计划', querystring: ZSamplingPlanQuery, response: { 200: ZPage(ZSamplingPlan) } },
    },
    (req) => plans.list(actorOf(req), req.query),
  );
  app.post(
    '/food/sampling/plans',
    {
      config: write,
      schema: { tags, summary: '制定抽检计划', body: ZSamplingPlanBody, response: { 200: ZSamplingPlan } },
    },
    (req) => plans.create(actorOf(req), req.body),
  );
  app.get(
    '/food/sampling/plans/:id',
    { config: read, schema: { tags, summary: '抽检计划详情', params: ZIdParams, response: { 200: ZSamplingPlan } } },
    (req) => plans.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/food/sampling/plans/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '调整目标批次',
        params: ZIdParams,
        body: ZSamplingPlanPatch,
        response: { 200: ZSamplingPlan },
      },
    },
    (req) => plans.setTarget(actorOf(req), req.params.id, req.body.targetBatches),
  );
  app.patch(
    '/food/sampling/samples/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '更正抽样单（送检前）',
        params: ZIdParams,
        body: ZSamplePatch,
        response: { 200: ZSampleDetail },
      },
    },
    (req) => samples.correct(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/food/sampling/pass-rates',
    {
      config: read,
      schema: {
        tags,
        summary: '抽检合格率（按食品大类和月份）',
        querystring: ZPassRateQuery,
        response: { 200: ZPassRates },
      },
    },
    (req) => plans.passRates(actorOf(req), req.query),
  );
  app.get(
    '/food/sampling/samples',
    {
      config: read,
      schema: { tags, summary: '抽检样品', querystring: ZSampleQuery, response: { 200: ZPage(ZSample) } },
    },
    (req) => samples.list(actorOf(req), req.query),
  );
  app.post(
    '/food/sampling/samples',
    { config: write, schema: { tags, summary: '登记抽样', body: ZSampleBody, response: { 200: ZSampleDetail } } },
    (req) => samples.create(actorOf(req), req.body),
  );
  app.get(
    '/food/sampling/samples/:id',
    { config: read, schema: { tags, summary: '抽检样品详情', params: ZIdParams, response: { 200: ZSampleDetail } } },
    (req) => samples.detail(actorOf(req), req.params.id),
  );
  const step = <B extends import('zod').ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof actorOf>, id: number, b: import('zod').infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `/food/sampling/samples/:id/${path}`,
      { config: write, schema: { tags, summary, params: ZIdParams, body, response: { 200: ZSampleDetail } } },
      (req) => run(actorOf(req), req.params.id, req.body as import('zod').infer<B>) as never,
    );
  step('deliver', '送达检验机构', ZDeliverBody, samples.deliver);
  step('result', '录入检验结果', ZResultBody, samples.result);
  step('notify', '送达不合格检验结果通知书', ZNotifyBody, samples.notify);
  step('retest-request', '登记复检申请', ZRetestRequestBody, samples.requestRetest);
  step('retest', '录入复检结论', ZRetestBody, samples.retest);
  step('handle', '核查处置完毕', ZHandleBody, samples.handle);
  step('publish', '公布抽检结果', ZVersionBody, (actor, id, b) => samples.publish(actor, id, b.version));

  app.get(
    '/food/sampling/samples/:id/notice.pdf',
    {
      config: read,
      schema: { tags, summary: '打印检验结果通知书（PDF；不合格且已送达通知书，否则 409）', params: ZIdParams },
    },
    async (req, reply) => sendInlinePdf(reply, await notice(actorOf(req), req.params.id)),
  );
  app.post(
    '/food/sampling/imports/results',
    {
      config: write,
      schema: {
        tags,
        summary: '导入检验结果（XLSX，multipart：file）',
        querystring: ZFoodImportQuery,
        response: { 200: ZFoodImportResult },
      },
    },
    (req, reply) =>
      receiveResultImport(req, reply, {
        maxBytes: IMPORT_MAX_BYTES,
        run: (bytes) => importResults(actorOf(req), bytes),
        errorReport: errorReportXlsx,
        reportAscii: 'sampling-import-errors.xlsx',
      }),
  );
};

/** 抽检结果公布 on the portal (no login). */
export const publicFoodSamplingRoutes: FastifyPluginAsyncZod<{
  plans: SamplingPlanService;
  rateLimitPerMinute: number;
}> = async (app, { plans, rateLimitPerMinute }) => {
  app.get(
    '/public/food/sampling-results',
    {
      config: { auth: 'public', rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '食品安全监督抽检结果公布（免登录；不合格的列明经营者、生产者和不合格项目）',
        querystring: ZPublicSampleQuery,
        response: { 200: ZPage(ZPublicSample) },
      },
    },
    (req) => plans.published(req.query),
  );
};
