import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPage } from '../../contracts/common.ts';
import { ZPublicResult, ZPublicResultQuery } from '../../contracts/spot-checks.ts';
import type { VisitService } from './services/visits.ts';

/** 一公开: published spot-check results, no login. */
export const publicSpotCheckRoutes: FastifyPluginAsyncZod<{
  visits: Pick<VisitService, 'published'>;
  /** Requests per minute per client (config PUBLIC_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
}> = async (app, { visits, rateLimitPerMinute }) => {
  app.get(
    '/public/spot-checks/results',
    {
      config: { auth: 'public', rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '双随机抽查结果公示（免登录；可按统一社会信用代码或名称查询）',
        querystring: ZPublicResultQuery,
        response: { 200: ZPage(ZPublicResult) },
      },
    },
    (req) => visits.published(req.query),
  );
};
