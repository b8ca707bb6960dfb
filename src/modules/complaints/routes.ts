import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZCategory,
  ZComplaintDetail,
  ZComplaintExportQuery,
  ZComplaintIdentity,
  ZComplaintListQuery,
  ZComplaintNoticeParams,
  ZComplaintSummary,
  ZIntakeBody,
  ZIntakeResult,
  ZReassignBody,
  ZRevealIdentityBody,
  ZRuleSetView,
  ZTransitionBody,
  ZUploadedAttachment,
} from '../../contracts/complaints.ts';
import { z } from '../../contracts/zod.ts';
import { attachment, download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import { sendStoredFile } from '../files/routes.ts';
import type { ComplaintAttachments } from './services/attachments.ts';
import type { ComplaintService } from './services/complaints.ts';
import type { ComplaintIdentity } from './services/identity.ts';
import type { ComplaintNotices } from './services/notices.ts';
import type { ComplaintWorkflow } from './services/workflow.ts';

const ZAttachmentParams = z.object({ id: ZId, fileId: ZId });

export const complaintRoutes: FastifyPluginAsyncZod<{
  complaints: ComplaintService;
  workflow: ComplaintWorkflow;
  attachments: ComplaintAttachments;
  identity: ComplaintIdentity;
  notices: ComplaintNotices;
}> = async (app, { complaints, workflow, attachments, identity, notices }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  /** The request's file part, capped at the attachment limit (422 naming `file` beyond it). */
  const fileOf = async (req: FastifyRequest) =>
    (await receiveUpload(req, attachments.maxBytes, attachmentTooLarge)).file;
  const tags = ['complaints'];
  const read = { permission: 'complaint:read' as const };
  const write = { permission: 'complaint:write' as const };

  app.get(
    '/complaints/categories',
    { config: read, schema: { tags, summary: '商品和服务类别', response: { 200: z.array(ZCategory) } } },
    async () => complaints.categories(),
  );
  app.get(
    '/complaints/stations',
    {
      config: read,
      schema: {
        tags,
        summary: '可转办的单位（各所和投诉举报中心）',
        response: { 200: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.string() })) },
      },
    },
    async () => complaints.stations(),
  );
  app.get(
    '/complaints/rule-sets',
    { config: read, schema: { tags, summary: '投诉举报处理规则（版本）', response: { 200: z.array(ZRuleSetView) } } },
    async () => complaints.ruleSets(),
  );
  app.post(
    '/complaints',
    {
      config: write,
      schema: {
        tags,
        summary: '登记投诉、举报、咨询（电话、来信、来访）',
        body: ZIntakeBody,
        response: { 201: ZIntakeResult },
      },
    },
    async (req, reply) => reply.status(201).send(await complaints.intake(actorOf(req), req.body)),
  );
  app.get(
    '/complaints',
    {
      config: read,
      schema: {
        tags,
        summary: '事项队列（按所、承办人、状态、超期）',
        querystring: ZComplaintListQuery,
        response: { 200: ZPage(ZComplaintSummary) },
      },
    },
    async (req) => complaints.list(actorOf(req), req.query),
  );
  app.get(
    '/complaints/export',
    {
      config: read,
      schema: {
        tags,
        summary: '导出事项队列 Excel（与列表相同的筛选条件与数据范围；投诉人姓名、电话脱敏）',
        querystring: ZComplaintExportQuery,
      },
    },
    async (req, reply) => {
      const file = await complaints.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.get(
    '/complaints/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '事项详情（期限、时间线、可执行操作）',
        params: ZIdParams,
        response: { 200: ZComplaintDetail },
      },
    },
    async (req) => complaints.get(actorOf(req), req.params.id),
  );
  app.post(
    '/complaints/:id/identity',
    {
      config: write,
      schema: {
        tags,
        summary: '查看当事人完整信息（须说明原因，留痕；承办单位和12315中心可用，保密举报人仅承办单位）',
        params: ZIdParams,
        body: ZRevealIdentityBody,
        response: { 200: ZComplaintIdentity },
      },
    },
    async (req) => identity.reveal(actorOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/complaints/:id/transitions',
    {
      config: write,
      schema: {
        tags,
        summary: '办理：受理、不予受理、调解、终止、核查、立案、答复、移送、反馈',
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZComplaintDetail },
      },
    },
    async (req) => workflow.transition(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/complaints/:id/reassign',
    {
      config: write,
      schema: {
        tags,
        summary: '转办（管辖所或承办人）',
        params: ZIdParams,
        body: ZReassignBody,
        response: { 200: ZComplaintDetail },
      },
    },
    async (req) => workflow.reassign(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/complaints/uploads',
    {
      config: write,
      schema: {
        tags,
        summary: '上传登记用附件（multipart：file）；返回令牌，登记时填入 attachments',
        response: { 201: ZUploadedAttachment },
      },
    },
    async (req, reply) => reply.status(201).send(await attachments.upload(await fileOf(req), actorOf(req))),
  );
  app.post(
    '/complaints/:id/attachments',
    {
      config: write,
      schema: {
        tags,
        summary: '为事项补充附件（multipart：file）',
        params: ZIdParams,
        response: { 200: ZComplaintDetail },
      },
    },
    async (req) => attachments.add(actorOf(req), req.params.id, await fileOf(req)),
  );
  app.get(
    '/complaints/:id/attachments/:fileId',
    {
      config: read,
      schema: { tags, summary: '下载事项的附件（与事项本身同样的可见范围）', params: ZAttachmentParams },
    },
    async (req, reply) => {
      const { file, data } = await attachments.download(actorOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, data);
    },
  );
  app.get(
    '/complaints/:id/notices/:kind.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: '打印告知书（PDF）：受理、不予受理、终止调解；事项尚未到该环节时 409',
        params: ZComplaintNoticeParams,
      },
    },
    async (req, reply) => {
      const notice = await notices.render(actorOf(req), req.params.id, req.params.kind);
      // Opens in the browser's viewer, to print on the spot.
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(notice.filename, notice.ascii).replace(/^attachment/, 'inline'))
        .header('cache-control', 'no-store')
        .send(notice.body);
    },
  );
};
