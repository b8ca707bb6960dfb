import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZAccessCodeIssued,
  ZAppeal,
  ZAppealDecisionBody,
  ZAppealQuery,
  ZPaperAppealBody,
  ZPaperRevisitBody,
  ZReply,
  ZReplyQuery,
  ZReplyReviewBody,
  ZRevisit,
  ZRevisitDecisionBody,
  ZRevisitQuery,
} from '../../contracts/food-appeals.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import type { AppealService } from './services/appeals.ts';
import type { FoodPortalService } from './services/portal.ts';
import type { ReplyService } from './services/replies.ts';
import type { RevisitService } from './services/revisits.ts';

/** 申诉、答复与复评: the staff side (食品科 and stations, food:read to see, food:write to decide). */
export const foodAppealRoutes: FastifyPluginAsyncZod<{
  appeals: AppealService;
  replies: ReplyService;
  revisits: RevisitService;
  portal: FoodPortalService;
  maxBytes: number;
}> = async (app, { appeals, replies, revisits, portal, maxBytes }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };

  app.get(
    '/food/appeals',
    {
      config: read,
      schema: { tags, summary: '等级申诉列表', querystring: ZAppealQuery, response: { 200: ZPage(ZAppeal) } },
    },
    async (req) => appeals.list(actorOf(req), req.query),
  );
  app.post(
    '/food/appeals',
    {
      config: write,
      schema: { tags, summary: '登记纸质申诉（代经营者）', body: ZPaperAppealBody, response: { 200: ZAppeal } },
    },
    async (req) => appeals.recordPaper(actorOf(req), req.body),
  );
  app.get(
    '/food/appeals/:id',
    { config: read, schema: { tags, summary: '等级申诉详情', params: ZIdParams, response: { 200: ZAppeal } } },
    async (req) => appeals.get(actorOf(req), req.params.id),
  );
  app.post(
    '/food/appeals/:id/decision',
    {
      config: write,
      schema: {
        tags,
        summary: '决定申诉：维持、变更或撤销等级（原检查人员回避）',
        params: ZIdParams,
        body: ZAppealDecisionBody,
        response: { 200: ZAppeal },
      },
    },
    async (req) => appeals.decide(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/food/appeals/:id/attachments',
    {
      config: write,
      schema: { tags, summary: '为申诉补充证明材料（multipart：file）', params: ZIdParams, response: { 200: ZAppeal } },
    },
    async (req) => {
      const { file } = await receiveUpload(req, maxBytes, attachmentTooLarge);
      return appeals.attachAsStaff(actorOf(req), req.params.id, file);
    },
  );
  app.get(
    '/food/grade-replies',
    {
      config: read,
      schema: { tags, summary: '经营者答复列表', querystring: ZReplyQuery, response: { 200: ZPage(ZReply) } },
    },
    async (req) => replies.list(actorOf(req), req.query),
  );
  app.post(
    '/food/grade-replies/:id/review',
    {
      config: write,
      schema: {
        tags,
        summary: '审核答复：公开或不予公开',
        params: ZIdParams,
        body: ZReplyReviewBody,
        response: { 200: ZReply },
      },
    },
    async (req) => replies.review(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/food/revisit-requests',
    {
      config: read,
      schema: { tags, summary: '复评申请列表', querystring: ZRevisitQuery, response: { 200: ZPage(ZRevisit) } },
    },
    async (req) => revisits.list(actorOf(req), req.query),
  );
  app.post(
    '/food/businesses/:id/revisit-requests',
    {
      config: write,
      schema: {
        tags,
        summary: '登记纸质复评申请',
        params: ZIdParams,
        body: ZPaperRevisitBody,
        response: { 200: ZRevisit },
      },
    },
    async (req) => revisits.recordPaper(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/food/revisit-requests/:id/decision',
    {
      config: write,
      schema: {
        tags,
        summary: '受理（安排复评检查）或不予受理复评申请',
        params: ZIdParams,
        body: ZRevisitDecisionBody,
        response: { 200: ZRevisit },
      },
    },
    async (req) => revisits.decide(actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/food/businesses/:id/access-code',
    {
      config: write,
      schema: {
        tags,
        summary: '生成经营者访问码（仅显示一次，打印在检查结果告知书上；旧码失效）',
        params: ZIdParams,
        response: { 200: ZAccessCodeIssued },
      },
    },
    async (req) => portal.issueCode(actorOf(req), req.params.id),
  );
};
