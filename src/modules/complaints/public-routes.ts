import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOk } from '../../contracts/common.ts';
import {
  ZCategory,
  ZIntakeResult,
  ZPublicIntakeBody,
  ZPublicSatisfaction,
  ZPublicTracking,
  ZTrackingBody,
  ZUploadedAttachment,
} from '../../contracts/complaints.ts';
import { z } from '../../contracts/zod.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import type { ComplaintAttachments } from './services/attachments.ts';
import type { ComplaintService } from './services/complaints.ts';
import type { PublicComplaints } from './services/public.ts';

const ZIdempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().min(8, 'Idempotency-Key 至少8个字符').max(100).optional(),
});

/** The no-login 12315 portal: submit, then follow by tracking code and phone (both in POST bodies). */
export const publicComplaintRoutes: FastifyPluginAsyncZod<{
  complaints: ComplaintService;
  portal: PublicComplaints;
  attachments: ComplaintAttachments;
  /** Requests per minute and client address: the portal's forms, and its uploads. */
  rateLimits: { perMinute: number; uploadsPerMinute: number };
}> = async (app, { complaints, portal, attachments, rateLimits }) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['public'];
  const limited = {
    auth: 'public' as const,
    rateLimit: { max: rateLimits.perMinute, timeWindow: '1 minute' },
  };
  app.get(
    '/public/complaints/categories',
    {
      config: limited,
      schema: { tags, summary: '商品和服务类别（供选择）', response: { 200: z.array(ZCategory) } },
    },
    async () => portal.categories(),
  );
  app.post(
    '/public/complaints/uploads',
    {
      config: {
        auth: 'public' as const,
        rateLimit: { max: rateLimits.uploadsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: '上传证据附件（multipart：file；免登录，限频）；返回令牌，提交时填入 attachments',
        response: { 201: ZUploadedAttachment },
      },
    },
    async (req, reply) => {
      const { file } = await receiveUpload(req, attachments.maxBytes, attachmentTooLarge);
      return reply.status(201).send(await attachments.upload(file, null));
    },
  );
  app.post(
    '/public/complaints',
    {
      config: limited,
      schema: {
        tags,
        summary: '公众提交投诉举报（免登录；同一 Idempotency-Key 只生成一条记录）',
        headers: ZIdempotencyHeaders,
        body: ZPublicIntakeBody,
        response: { 201: ZIntakeResult, 200: ZIntakeResult },
      },
    },
    async (req, reply) => {
      const result = await complaints.intake(
        null,
        { ...req.body, channel: 'portal' },
        req.headers['idempotency-key'] ?? null,
      );
      return reply.status(result.created ? 201 : 200).send({ items: result.items });
    },
  );
  // Code and phone digits in the body, never in the URL: URLs land in access logs, proxies and browser history.
  app.post(
    '/public/complaints/track',
    {
      config: limited,
      schema: {
        tags,
        summary: '凭查询码和手机号后4位查询办理进度（POST，查询码和手机号不出现在网址中）',
        body: ZTrackingBody,
        response: { 200: ZPublicTracking },
      },
    },
    async (req) => portal.track(req.body.trackingCode, req.body.phoneLast4),
  );
  app.post(
    '/public/complaints/satisfaction',
    {
      config: limited,
      schema: {
        tags,
        summary: '对办理结果评价（1–5）',
        body: ZPublicSatisfaction,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await portal.rate(req.body.trackingCode, req.body.phoneLast4, req.body.satisfaction);
      return { ok: true as const };
    },
  );
};
