import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import { ZFoodImportQuery, ZFoodImportResult } from '../../contracts/food.ts';
import {
  ZAfterCheckBody,
  ZCccCertificate,
  ZCccCertificateBody,
  ZCccCertificatePatch,
  ZCccExemption,
  ZCccExemptionBody,
  ZCccQuery,
  ZCodeParams,
  ZPlanGenerateBody,
  ZPlanGenerateResult,
  ZProductCategoryBody,
  ZProductCloseBody,
  ZProductNotifyBody,
  ZProductPassRateQuery,
  ZProductPassRates,
  ZProductPlan,
  ZProductPlanBody,
  ZProductPlanPatch,
  ZProductPlanQuery,
  ZProductRectifyBody,
  ZProductResultBody,
  ZProductRetestBody,
  ZProductRetestRequestBody,
  ZProductSample,
  ZProductSampleBody,
  ZProductSampleDetail,
  ZProductSampleFilter,
  ZProductSamplePatch,
  ZProductSampleQuery,
  ZProductSettings,
  ZRiskGrade,
  ZRiskGradeBody,
  ZRuleBody,
  ZRuleKey,
} from '../../contracts/product-quality.ts';
import { z as zod } from '../../contracts/zod.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveResultImport, sendInlinePdf } from '../../platform/sampling/http.ts';
import { errorReportXlsx } from '../entities/import/error-report.ts';
import type { CccService } from './services/ccc.ts';
import type { ProductSampleExport } from './services/export.ts';
import type { ProductNotice } from './services/notice.ts';
import type { ProductPlanService } from './services/plans.ts';
import type { ProductResultImport } from './services/result-import.ts';
import type { ProductSampleService } from './services/samples.ts';
import type { ProductSettingsService } from './services/settings.ts';

interface Deps {
  samples: ProductSampleService;
  plans: ProductPlanService;
  settings: ProductSettingsService;
  ccc: CccService;
  importResults: ProductResultImport;
  notice: ProductNotice;
  exporter: ProductSampleExport;
}

/** 产品质量监督抽查 and 3C: thin routes over the module's services (tag product-quality). */
export const productQualityRoutes: FastifyPluginAsyncZod<Deps> = async (app, d) => {
  const tags = ['product-quality'];
  const read = { permission: 'product:read' as const };
  const write = { permission: 'product:write' as const };
  const settings = { permission: 'product:settings' as const };
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const base = '/product/quality';

  app.get(
    `${base}/settings`,
    {
      config: read,
      schema: { tags, summary: '产品目录、3C目录、分级与期限（数据）', response: { 200: ZProductSettings } },
    },
    () => d.settings.load(),
  );
  app.put(
    `${base}/categories/:code`,
    {
      config: settings,
      schema: {
        tags,
        summary: '维护产品类别',
        params: ZCodeParams,
        body: ZProductCategoryBody,
        response: { 200: ZProductSettings },
      },
    },
    (req) => d.settings.saveCategory(actorOf(req), req.params.code, req.body),
  );
  app.put(
    `${base}/grades/:grade`,
    {
      config: settings,
      schema: {
        tags,
        summary: '涉安类分级抽查间隔',
        params: zod.object({ grade: ZRiskGrade }),
        body: ZRiskGradeBody,
        response: { 200: ZProductSettings },
      },
    },
    (req) => d.settings.setGrade(actorOf(req), req.params.grade, req.body.intervalMonths),
  );
  app.put(
    `${base}/rules/:key`,
    {
      config: settings,
      schema: {
        tags,
        summary: '期限（天）',
        params: zod.object({ key: ZRuleKey }),
        body: ZRuleBody,
        response: { 200: ZProductSettings },
      },
    },
    (req) => d.settings.setRule(actorOf(req), req.params.key, req.body.value),
  );

  app.get(
    `${base}/plans`,
    {
      config: read,
      schema: { tags, summary: '抽查计划', querystring: ZProductPlanQuery, response: { 200: ZPage(ZProductPlan) } },
    },
    (req) => d.plans.list(actorOf(req), req.query),
  );
  app.post(
    `${base}/plans`,
    {
      config: write,
      schema: { tags, summary: '制定抽查计划', body: ZProductPlanBody, response: { 200: ZProductPlan } },
    },
    (req) => d.plans.create(actorOf(req), req.body),
  );
  app.post(
    `${base}/plans/generate`,
    {
      config: write,
      schema: {
        tags,
        summary: '按分级监管生成年度抽查计划',
        body: ZPlanGenerateBody,
        response: { 200: ZPlanGenerateResult },
      },
    },
    (req) => d.plans.generate(actorOf(req), req.body),
  );
  app.get(
    `${base}/plans/:id`,
    { config: read, schema: { tags, summary: '抽查计划详情', params: ZIdParams, response: { 200: ZProductPlan } } },
    (req) => d.plans.get(actorOf(req), req.params.id),
  );
  app.patch(
    `${base}/plans/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: '调整目标批次',
        params: ZIdParams,
        body: ZProductPlanPatch,
        response: { 200: ZProductPlan },
      },
    },
    (req) => d.plans.setTarget(actorOf(req), req.params.id, req.body.targetBatches),
  );
  app.get(
    `${base}/pass-rates`,
    {
      config: read,
      schema: {
        tags,
        summary: '抽查合格率（按类别、所或年度）',
        querystring: ZProductPassRateQuery,
        response: { 200: ZProductPassRates },
      },
    },
    (req) => d.plans.passRates(actorOf(req), req.query),
  );

  app.get(
    `${base}/samples`,
    {
      config: read,
      schema: { tags, summary: '抽查样品', querystring: ZProductSampleQuery, response: { 200: ZPage(ZProductSample) } },
    },
    (req) => d.samples.list(actorOf(req), req.query),
  );
  app.get(
    `${base}/samples/export`,
    { config: read, schema: { tags, summary: '导出抽查样品（XLSX）', querystring: ZProductSampleFilter } },
    async (req, reply) => {
      const file = await d.exporter.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.post(
    `${base}/samples`,
    {
      config: write,
      schema: { tags, summary: '登记抽样', body: ZProductSampleBody, response: { 200: ZProductSampleDetail } },
    },
    (req) => d.samples.create(actorOf(req), req.body),
  );
  app.get(
    `${base}/samples/:id`,
    {
      config: read,
      schema: { tags, summary: '抽查样品详情', params: ZIdParams, response: { 200: ZProductSampleDetail } },
    },
    (req) => d.samples.detail(actorOf(req), req.params.id),
  );
  app.patch(
    `${base}/samples/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: '更正抽样单（出结果前）',
        params: ZIdParams,
        body: ZProductSamplePatch,
        response: { 200: ZProductSampleDetail },
      },
    },
    (req) => d.samples.correct(actorOf(req), req.params.id, req.body),
  );
  const step = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof actorOf>, id: number, b: z.infer<B>) => Promise<unknown>,
  ) =>
    app.post(
      `${base}/samples/:id/${path}`,
      { config: write, schema: { tags, summary, params: ZIdParams, body, response: { 200: ZProductSampleDetail } } },
      (req) => run(actorOf(req), req.params.id, req.body as z.infer<B>) as never,
    );
  step('result', '录入检验结果', ZProductResultBody, d.samples.result);
  step('notify', '送达不合格通知书', ZProductNotifyBody, d.samples.notify);
  step('retest-request', '受理异议/复检申请', ZProductRetestRequestBody, d.samples.requestRetest);
  step('retest', '录入复检结论', ZProductRetestBody, d.samples.retest);
  step('rectify', '责令整改（生成案件线索）', ZProductRectifyBody, d.samples.rectify);
  step('close', '办结', ZProductCloseBody, (actor, id, b) => d.samples.close(actor, id, b.version));
  app.get(
    `${base}/samples/:id/notice.pdf`,
    { config: read, schema: { tags, summary: '打印不合格通知书（PDF；未送达时 409）', params: ZIdParams } },
    async (req, reply) => sendInlinePdf(reply, await d.notice(actorOf(req), req.params.id)),
  );
  app.post(
    `${base}/imports/results`,
    {
      config: write,
      schema: {
        tags,
        summary: '导入检验结果（XLSX 或 CSV，multipart：file）',
        querystring: ZFoodImportQuery,
        response: { 200: ZFoodImportResult },
      },
    },
    (req, reply) =>
      receiveResultImport(req, reply, {
        maxBytes: IMPORT_MAX_BYTES,
        run: (bytes, filename) => d.importResults(actorOf(req), bytes, filename),
        errorReport: errorReportXlsx,
        reportAscii: 'product-import-errors.xlsx',
      }),
  );

  app.get(
    `${base}/ccc/certificates`,
    {
      config: read,
      schema: { tags, summary: '3C 证书', querystring: ZCccQuery, response: { 200: ZPage(ZCccCertificate) } },
    },
    (req) => d.ccc.certificates(actorOf(req), req.query),
  );
  app.post(
    `${base}/ccc/certificates`,
    {
      config: write,
      schema: { tags, summary: '登记 3C 证书', body: ZCccCertificateBody, response: { 200: ZCccCertificate } },
    },
    (req) => d.ccc.addCertificate(actorOf(req), req.body),
  );
  app.get(
    `${base}/ccc/certificates/:id`,
    { config: read, schema: { tags, summary: '3C 证书详情', params: ZIdParams, response: { 200: ZCccCertificate } } },
    (req) => d.ccc.certificate(actorOf(req), req.params.id),
  );
  app.patch(
    `${base}/ccc/certificates/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: '更正产品名称',
        params: ZIdParams,
        body: ZCccCertificatePatch,
        response: { 200: ZCccCertificate },
      },
    },
    (req) => d.ccc.renameCertificate(actorOf(req), req.params.id, req.body.productName),
  );
  app.get(
    `${base}/ccc/exemptions`,
    {
      config: read,
      schema: { tags, summary: '免办3C', querystring: ZCccQuery, response: { 200: ZPage(ZCccExemption) } },
    },
    (req) => d.ccc.exemptions(actorOf(req), req.query),
  );
  app.post(
    `${base}/ccc/exemptions`,
    {
      config: write,
      schema: { tags, summary: '登记免办3C批准', body: ZCccExemptionBody, response: { 200: ZCccExemption } },
    },
    (req) => d.ccc.addExemption(actorOf(req), req.body),
  );
  app.get(
    `${base}/ccc/exemptions/:id`,
    { config: read, schema: { tags, summary: '免办3C详情', params: ZIdParams, response: { 200: ZCccExemption } } },
    (req) => d.ccc.exemption(actorOf(req), req.params.id),
  );
  app.patch(
    `${base}/ccc/exemptions/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: '更正产品名称',
        params: ZIdParams,
        body: ZCccCertificatePatch,
        response: { 200: ZCccExemption },
      },
    },
    (req) => d.ccc.renameExemption(actorOf(req), req.params.id, req.body.productName),
  );
  app.post(
    `${base}/ccc/exemptions/:id/after-check`,
    {
      config: write,
      schema: {
        tags,
        summary: '登记后续核查',
        params: ZIdParams,
        body: ZAfterCheckBody,
        response: { 200: ZCccExemption },
      },
    },
    (req) => d.ccc.afterCheck(actorOf(req), req.params.id, req.body),
  );
};
