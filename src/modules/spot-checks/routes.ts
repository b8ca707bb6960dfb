import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZIdParams, ZOk, ZPage, ZPageQuery } from '../../contracts/common.ts';
import { ZStoredFile } from '../../contracts/files.ts';
import { ZVisitSignatures } from '../../contracts/spot-check-signatures.ts';
import {
  ZCheckItem,
  ZCheckItemCreate,
  ZConflict,
  ZConflictCreate,
  ZConflictKey,
  ZDrawProof,
  ZInspector,
  ZInspectorCreate,
  ZInspectorUpdate,
  ZPlan,
  ZPlanCreate,
  ZPool,
  ZPoolCreate,
  ZPoolPreview,
  ZResultBody,
  ZSpotCheckReference,
  ZTask,
  ZTaskCreate,
  ZTaskTransitionBody,
  ZVisitDetail,
  ZVisitExportQuery,
  ZVisitListQuery,
  ZVisitSummary,
  ZVisitTransitionBody,
} from '../../contracts/spot-checks.ts';
import { z } from '../../contracts/zod.ts';
import { attachment, download, XLSX_TYPE } from '../../platform/download.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import { sendStoredFile } from '../files/routes.ts';
import type { CatalogService } from './services/catalog.ts';
import type { TaskService } from './services/tasks.ts';
import type { VisitSignatureService } from './services/visit-signatures.ts';
import type { VisitService } from './services/visits.ts';

export const spotCheckRoutes: FastifyPluginAsyncZod<{
  catalog: CatalogService;
  tasks: TaskService;
  visits: VisitService;
  signatures: VisitSignatureService;
}> = async (app, { catalog, tasks, visits, signatures }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['spot-checks'];
  const read = { permission: 'spotcheck:read' as const };
  const write = { permission: 'spotcheck:write' as const };
  const base = '/spot-checks';

  app.get(
    `${base}/reference`,
    { config: read, schema: { tags, summary: '科室、所、结果类别', response: { 200: ZSpotCheckReference } } },
    () => catalog.reference(),
  );
  app.get(
    `${base}/items`,
    { config: read, schema: { tags, summary: '抽查事项清单', response: { 200: z.array(ZCheckItem) } } },
    () => catalog.listItems(),
  );
  app.post(
    `${base}/items`,
    { config: write, schema: { tags, summary: '新增抽查事项', body: ZCheckItemCreate, response: { 201: ZCheckItem } } },
    async (req, reply) => reply.status(201).send(await catalog.createItem(actorOf(req), req.body)),
  );
  app.get(
    `${base}/inspectors`,
    {
      config: read,
      schema: { tags, summary: '执法检查人员名录库（本单位的；局级可见全部）', response: { 200: z.array(ZInspector) } },
    },
    (req) => catalog.listInspectors(actorOf(req)),
  );
  app.post(
    `${base}/inspectors`,
    { config: write, schema: { tags, summary: '新增检查人员', body: ZInspectorCreate, response: { 201: ZInspector } } },
    async (req, reply) => reply.status(201).send(await catalog.createInspector(actorOf(req), req.body)),
  );
  app.put(
    `${base}/inspectors/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: '修改检查人员',
        params: ZIdParams,
        body: ZInspectorUpdate,
        response: { 200: ZInspector },
      },
    },
    (req) => catalog.updateInspector(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/conflicts`,
    {
      config: write,
      schema: { tags, summary: '申报回避（检查人员与市场主体）', body: ZConflictCreate, response: { 200: ZOk } },
    },
    async (req) => catalog.declareConflict(actorOf(req), req.body),
  );
  app.get(
    `${base}/conflicts`,
    {
      config: read,
      schema: { tags, summary: '回避声明（本单位管辖的市场主体）', response: { 200: z.array(ZConflict) } },
    },
    (req) => catalog.listConflicts(actorOf(req)),
  );
  app.delete(
    `${base}/conflicts/:inspectorId/:entityId`,
    { config: write, schema: { tags, summary: '撤销回避声明', params: ZConflictKey, response: { 200: ZOk } } },
    (req) => catalog.removeConflict(actorOf(req), req.params),
  );
  app.get(
    `${base}/pools`,
    { config: read, schema: { tags, summary: '检查对象名录库', response: { 200: z.array(ZPool) } } },
    (req) => catalog.listPools(actorOf(req)),
  );
  app.post(
    `${base}/pools`,
    { config: write, schema: { tags, summary: '保存名录库筛选条件', body: ZPoolCreate, response: { 201: ZPool } } },
    async (req, reply) => reply.status(201).send(await catalog.createPool(actorOf(req), req.body)),
  );
  app.get(
    `${base}/pools/:id/preview`,
    {
      config: read,
      schema: { tags, summary: '名录库当前规模（按风险分类）', params: ZIdParams, response: { 200: ZPoolPreview } },
    },
    (req) => catalog.previewPool(actorOf(req), req.params.id),
  );
  app.get(
    `${base}/plans`,
    { config: read, schema: { tags, summary: '抽查计划（含合并检查节省的次数）', response: { 200: z.array(ZPlan) } } },
    (req) => catalog.listPlans(actorOf(req)),
  );
  app.post(
    `${base}/plans`,
    { config: write, schema: { tags, summary: '新建抽查计划', body: ZPlanCreate, response: { 201: ZPlan } } },
    async (req, reply) => reply.status(201).send(await catalog.createPlan(actorOf(req), req.body)),
  );
  app.get(
    `${base}/tasks`,
    {
      config: read,
      schema: {
        tags,
        summary: '抽查任务',
        querystring: ZPageQuery.extend({ planId: z.coerce.number().int().positive().optional() }),
        response: { 200: ZPage(ZTask) },
      },
    },
    (req) => tasks.list(actorOf(req), req.query),
  );
  app.post(
    `${base}/tasks`,
    {
      config: write,
      schema: { tags, summary: '新建抽查任务（可联合多个科室）', body: ZTaskCreate, response: { 201: ZTask } },
    },
    async (req, reply) => reply.status(201).send(await tasks.create(actorOf(req), req.body)),
  );
  app.get(
    `${base}/tasks/:id`,
    { config: read, schema: { tags, summary: '任务详情', params: ZIdParams, response: { 200: ZTask } } },
    (req) => tasks.get(actorOf(req), req.params.id),
  );
  app.post(
    `${base}/tasks/:id/transitions`,
    {
      config: write,
      schema: {
        tags,
        summary: '冻结名录库、抽取、结束、取消',
        params: ZIdParams,
        body: ZTaskTransitionBody,
        response: { 200: ZTask },
      },
    },
    (req) => tasks.transition(actorOf(req), req.params.id, req.body),
  );
  app.get(
    `${base}/draws/:id/proof`,
    {
      config: read,
      schema: {
        tags,
        summary: '抽取证明（可用 shijian verify-draw 复核）',
        params: ZIdParams,
        response: { 200: ZDrawProof },
      },
    },
    (req) => tasks.proof(actorOf(req), req.params.id),
  );
  app.get(
    `${base}/visits`,
    {
      config: read,
      schema: {
        tags,
        summary: '检查（一户一次）',
        querystring: ZVisitListQuery,
        response: { 200: ZPage(ZVisitSummary) },
      },
    },
    (req) => visits.list(actorOf(req), req.query),
  );
  app.get(
    `${base}/visits/export`,
    {
      config: read,
      schema: { tags, summary: '导出检查 Excel（与列表相同的筛选条件与数据范围）', querystring: ZVisitExportQuery },
    },
    async (req, reply) => {
      const file = await visits.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.get(
    `${base}/visits/:id`,
    { config: read, schema: { tags, summary: '检查详情', params: ZIdParams, response: { 200: ZVisitDetail } } },
    (req) => visits.get(actorOf(req), req.params.id),
  );
  app.put(
    `${base}/visits/:id/results`,
    {
      config: write,
      schema: {
        tags,
        summary: '录入一个事项的检查结果',
        params: ZIdParams,
        body: ZResultBody,
        response: { 200: ZVisitDetail },
      },
    },
    (req) => visits.recordResult(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/visits/:id/files`,
    {
      config: write,
      schema: {
        tags,
        summary: '上传检查取证材料（multipart：file）',
        params: ZIdParams,
        response: { 201: ZStoredFile },
      },
    },
    async (req, reply) => {
      // Read only once the service has checked the caller may add evidence to this visit.
      const file = async () => (await receiveUpload(req, visits.maxUploadBytes, attachmentTooLarge)).file;
      return reply.status(201).send(await visits.uploadEvidence(actorOf(req), req.params.id, file));
    },
  );
  app.get(
    `${base}/visits/:id/files/:fileId`,
    {
      config: read,
      schema: { tags, summary: '查看检查取证材料', params: ZIdParams.extend({ fileId: ZId }) },
    },
    async (req, reply) => {
      const { file, data } = await visits.evidenceFile(actorOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, data);
    },
  );
  app.post(
    `${base}/visits/:id/transitions`,
    {
      config: write,
      schema: {
        tags,
        summary: '检查完成、公示',
        params: ZIdParams,
        body: ZVisitTransitionBody,
        response: { 200: ZVisitDetail },
      },
    },
    (req) => visits.transition(actorOf(req), req.params.id, req.body),
  );
  app.get(
    `${base}/visits/:id/signatures`,
    {
      config: read,
      schema: {
        tags,
        summary: '检查记录表的签名情况（被检查单位、每名检查人员）',
        params: ZIdParams,
        response: { 200: ZVisitSignatures },
      },
    },
    (req) => signatures.list(actorOf(req), req.params.id),
  );
  app.post(
    `${base}/visits/:id/signatures`,
    {
      config: write,
      schema: {
        tags,
        summary: '上传签名（multipart：file 为 PNG；signer=entity|inspector，被检查单位另填 signerName）',
        params: ZIdParams,
        response: { 201: ZVisitSignatures },
      },
    },
    async (req, reply) => {
      // Read only once the service has checked the caller may sign this visit's record.
      const read = () => receiveUpload(req, signatures.maxUploadBytes, signatureTooLarge);
      return reply.status(201).send(await signatures.sign(actorOf(req), req.params.id, read));
    },
  );
  app.get(
    `${base}/visits/:id/signatures/:signatureId/image`,
    {
      config: read,
      schema: { tags, summary: '签名图片（PNG）', params: ZIdParams.extend({ signatureId: ZId }) },
    },
    async (req, reply) => {
      const { file, data } = await signatures.image(actorOf(req), req.params.id, req.params.signatureId);
      return sendStoredFile(reply, file, data);
    },
  );
  app.get(
    `${base}/visits/:id/record.pdf`,
    { config: read, schema: { tags, summary: '打印检查记录表（PDF，含现场签名）', params: ZIdParams } },
    async (req, reply) => {
      const doc = await signatures.recordPdf(actorOf(req), req.params.id);
      // Opens in the browser's viewer, to print or show on the spot.
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(doc.filename, doc.ascii).replace(/^attachment/, 'inline'))
        .header('cache-control', 'no-store')
        .send(doc.body);
    },
  );
};

/** A signature over the cap is not a signature: 400, like any other image that is not one. */
const signatureTooLarge = (maxBytes: number) =>
  new AppError('BAD_REQUEST', `file：签名图片不能超过 ${Math.round(maxBytes / 1024)} KB`, [
    { path: 'file', message: '签名图片过大' },
  ]);
