import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPage } from '../../contracts/common.ts';
import { ZPublicResult, ZPublicResultQuery } from '../../contracts/spot-checks.ts';
import type { TConfig } from '../../server/config.ts';
import type { VisitService } from './visit-service.ts';

/** 一公开: published spot-check results, no login. */
export const publicSpotCheckRoutes: FastifyPluginAsyncZod<{ visits: VisitService; config: TConfig }> = async (
  app,
  { visits, config },
) => {
  app.get(
    '/public/spot-checks/results',
    {
      config: { auth: 'public', rateLimit: { max: config.PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
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
