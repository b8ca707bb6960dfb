import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZAppeal,
  ZGradeNotes,
  ZPortalAccessBody,
  ZPortalAppealBody,
  ZPortalBusiness,
  ZPortalReplyBody,
  ZPortalRevisitBody,
  ZReply,
  ZRevisit,
} from '../../contracts/food-appeals.ts';
import { requestMeta } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import type { FoodPortalService } from './services/portal.ts';

/**
 * The business on the portal (no login, its access code in the body) and the public notes beside a grade. Every
 * code-bearing route shares one per-client limit (FOOD_ACCESS_RATE_LIMIT_PER_MINUTE), so guessing codes is slow.
 */
export const publicFoodAppealRoutes: FastifyPluginAsyncZod<{
  portal: FoodPortalService;
  accessPerMinute: number;
  publicPerMinute: number;
  uploadsPerMinute: number;
  maxBytes: number;
}> = async (app, { portal, accessPerMinute, publicPerMinute, uploadsPerMinute, maxBytes }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['public'];
  const coded = {
    auth: 'public' as const,
    rateLimit: { max: accessPerMinute, timeWindow: '1 minute', groupId: 'food-access-code' },
  };

  app.post(
    '/public/food/access',
    {
      config: coded,
      schema: {
        tags,
        summary: '经营者凭访问码查看等级、申诉、答复与复评',
        body: ZPortalAccessBody,
        response: { 200: ZPortalBusiness },
      },
    },
    (req) => portal.overview(req.body.accessCode),
  );
  app.post(
    '/public/food/appeals',
    {
      config: coded,
      schema: { tags, summary: '经营者提出等级申诉', body: ZPortalAppealBody, response: { 200: ZAppeal } },
    },
    (req) => portal.appeal(req.body, requestMeta(req).ip),
  );
  app.post(
    '/public/food/appeals/:id/attachments',
    {
      config: { ...coded, rateLimit: { max: uploadsPerMinute, timeWindow: '1 minute', groupId: 'food-access-upload' } },
      schema: {
        tags,
        summary: '经营者为待决定的申诉上传证明材料（multipart：accessCode、file）',
        params: ZIdParams,
        response: { 200: ZAppeal },
      },
    },
    async (req) => {
      const { file, fields } = await receiveUpload(req, maxBytes, attachmentTooLarge);
      return portal.attach(fields.accessCode ?? '', req.params.id, file, requestMeta(req).ip);
    },
  );
  app.post(
    '/public/food/replies',
    { config: coded, schema: { tags, summary: '经营者提交答复', body: ZPortalReplyBody, response: { 200: ZReply } } },
    (req) => portal.reply(req.body, requestMeta(req).ip),
  );
  app.post(
    '/public/food/revisit-requests',
    {
      config: coded,
      schema: { tags, summary: '经营者申请复评', body: ZPortalRevisitBody, response: { 200: ZRevisit } },
    },
    (req) => portal.revisit(req.body, requestMeta(req).ip),
  );
  app.get(
    '/public/food/businesses/:id/grade-notes',
    {
      config: { auth: 'public', rateLimit: { max: publicPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '等级旁公示：申诉结果与经营者答复',
        params: ZIdParams,
        response: { 200: ZGradeNotes },
      },
    },
    (req) => portal.gradeNotes(req.params.id),
  );
};
