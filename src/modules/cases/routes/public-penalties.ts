import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZPublicPenalty, ZPublicPenaltyQuery, ZPublicTypicalCase } from '../../../contracts/case-disclosures.ts';
import { ZIdParams, ZPage, ZPageQuery } from '../../../contracts/common.ts';
import type { DisclosureService } from '../services/disclosures.ts';

/** 行政处罚信息公示 and 典型案例 on the portal: no login, rate-limited, published rows only. */
export const publicPenaltyRoutes: FastifyPluginAsyncZod<{
  disclosures: Pick<DisclosureService, 'publicList' | 'publicGet' | 'publicTypical'>;
  /** Requests per minute per client (config PUBLIC_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
}> = async (app, { disclosures, rateLimitPerMinute }) => {
  const tags = ['public'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  app.get(
    '/public/penalties',
    {
      config,
      schema: {
        tags,
        summary: '行政处罚信息公示（免登录；按名称、统一社会信用代码或决定书文号查询）',
        querystring: ZPublicPenaltyQuery,
        response: { 200: ZPage(ZPublicPenalty) },
      },
    },
    (req) => disclosures.publicList(req.query),
  );
  app.get(
    '/public/penalties/:id',
    {
      config,
      schema: { tags, summary: '行政处罚信息公示详情', params: ZIdParams, response: { 200: ZPublicPenalty } },
    },
    (req) => disclosures.publicGet(req.params.id),
  );
  app.get(
    '/public/typical-cases',
    {
      config,
      schema: {
        tags,
        summary: '典型案例（免登录）',
        querystring: ZPageQuery.extend({ limit: ZPublicPenaltyQuery.shape.limit }),
        response: { 200: ZPage(ZPublicTypicalCase) },
      },
    },
    (req) => disclosures.publicTypical(req.query),
  );
};
