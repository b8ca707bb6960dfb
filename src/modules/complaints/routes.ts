import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZCategory,
  ZComplaintDetail,
  ZComplaintIdentity,
  ZComplaintListQuery,
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
import type { Db } from '../../db/client.ts';
import { complaintRuleSets } from '../../domain/complaint-rules.ts';
import { actorOf } from '../../platform/http.ts';
import type { ComplaintAttachments } from './attachments.ts';
import type { ComplaintIdentity } from './identity.ts';
import { handlingUnits, listCategories } from './repo.ts';
import type { ComplaintService } from './service.ts';
import type { ComplaintWorkflow } from './workflow.ts';

export const complaintRoutes: FastifyPluginAsyncZod<{
  db: Db;
  complaints: ComplaintService;
  workflow: ComplaintWorkflow;
  attachments: ComplaintAttachments;
  identity: ComplaintIdentity;
}> = async (app, { db, complaints, workflow, attachments, identity }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['complaints'];
  const read = { permission: 'complaint:read' as const };
  const write = { permission: 'complaint:write' as const };

  app.get(
    '/complaints/categories',
    { config: read, schema: { tags, summary: '商品和服务类别', response: { 200: z.array(ZCategory) } } },
    async () => listCategories(db),
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
    async () => handlingUnits(db),
  );
  app.get(
    '/complaints/rule-sets',
    { config: read, schema: { tags, summary: '投诉举报处理规则（版本）', response: { 200: z.array(ZRuleSetView) } } },
    async () => [...complaintRuleSets],
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
    async (req, reply) => reply.status(201).send(await attachments.upload(req, actorOf(req))),
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
    async (req) => attachments.add(actorOf(req), req.params.id, req),
  );
};
