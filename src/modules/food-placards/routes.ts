import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZFoodPlacard,
  ZPlacardIssueBody,
  ZPlacardKeys,
  ZPlacardPdfQuery,
  ZPlacardVerification,
  ZPlacardVerifyQuery,
} from '../../contracts/food-placards.ts';
import { z } from '../../contracts/zod.ts';
import { attachment } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { cacheablePublicJson } from '../../platform/http-cache.ts';
import type { SigningKeys } from '../signing/published.ts';
import type { PlacardService } from './services/placards.ts';

/** The QR code opens the portal of the host the placard was asked from (as case decisions do). */
const originOf = (req: { protocol: string; host: string }) => `${req.protocol}://${req.host}`;

export const foodPlacardRoutes: FastifyPluginAsyncZod<{ placards: PlacardService }> = async (app, { placards }) => {
  const tags = ['food'];
  app.post(
    '/food/businesses/:id/placards',
    {
      config: { permission: 'food:write' as const },
      schema: {
        tags,
        summary: '制作二维码公示牌（签名，针对当前动态或年度等级）',
        params: ZIdParams,
        body: ZPlacardIssueBody,
        response: { 200: ZFoodPlacard },
      },
    },
    async (req) => placards.issue(actorOf(req), req.params.id, req.body.kind, originOf(req)),
  );
  app.get(
    '/food/businesses/:id/placards',
    {
      config: { permission: 'food:read' as const },
      schema: { tags, summary: '已发放的公示牌', params: ZIdParams, response: { 200: z.array(ZFoodPlacard) } },
    },
    async (req) => placards.list(actorOf(req), req.params.id, originOf(req)),
  );
  app.get(
    '/food/placards/:id/pdf',
    {
      config: { permission: 'food:read' as const },
      schema: { tags, summary: '打印公示牌（PDF，A4 或 A5）', params: ZIdParams, querystring: ZPlacardPdfQuery },
    },
    async (req, reply) => {
      const pdf = await placards.pdf(actorOf(req), req.params.id, req.query.size, originOf(req));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          attachment(pdf.filename, `placard-${req.params.id}.pdf`).replace(/^attachment/, 'inline'),
        )
        .header('cache-control', 'no-store')
        .send(pdf.bytes);
    },
  );
};

/** Seconds a phone or proxy may reuse an answer: a downgrade shows within a minute. */
const VERIFY_MAX_AGE = 60;

/** What the QR code opens: no login, rate-limited per client like the rest of the portal, cacheable. */
export const publicPlacardRoutes: FastifyPluginAsyncZod<{
  placards: Pick<PlacardService, 'verify'>;
  keys: Pick<SigningKeys, 'list'>;
  rateLimitPerMinute: number;
}> = async (app, { placards, keys, rateLimitPerMinute }) => {
  const tags = ['public'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  app.get(
    '/public/placards/verify',
    {
      config,
      onSend: cacheablePublicJson(VERIFY_MAX_AGE),
      schema: {
        tags,
        security: [],
        summary: '核验食品安全等级公示牌（签名与当前等级：有效、已被取代、伪造）',
        querystring: ZPlacardVerifyQuery,
        response: { 200: ZPlacardVerification },
      },
    },
    (req) => placards.verify(req.query),
  );
  app.get(
    '/public/placards/keys',
    {
      config,
      onSend: cacheablePublicJson(VERIFY_MAX_AGE),
      schema: {
        tags,
        security: [],
        summary: '公示牌签名公钥（离线核验：shijian verify-placard URL --public-key 文件）',
        response: { 200: ZPlacardKeys },
      },
    },
    () => keys.list(),
  );
};
