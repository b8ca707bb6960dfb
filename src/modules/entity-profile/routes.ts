import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZPublicEntityPage,
  ZPublicEntityProfile,
  ZPublicEntitySearchQuery,
  ZUsccParams,
} from '../../contracts/entity-profile.ts';
import { cacheablePublicJson } from '../../platform/http-cache.ts';
import type { EntityProfileService } from './service.ts';

/** Seconds a browser or proxy may reuse a profile before asking again (with If-None-Match). */
const PROFILE_MAX_AGE = 60;

/** 企业信息公示 on the portal: search by name or USCC and one entity's profile, no login, rate-limited. */
export const publicEntityRoutes: FastifyPluginAsyncZod<{
  profiles: Pick<EntityProfileService, 'search' | 'profile'>;
  /** Requests per minute per client (config PUBLIC_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
}> = async (app, { profiles, rateLimitPerMinute }) => {
  const tags = ['public'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  app.get(
    '/public/entities',
    {
      config,
      schema: {
        tags,
        security: [],
        summary: '市场主体查询（免登录；按名称中的文字或统一社会信用代码）',
        querystring: ZPublicEntitySearchQuery,
        response: { 200: ZPublicEntityPage },
      },
    },
    (req) => profiles.search(req.query),
  );
  app.get(
    '/public/entities/:uscc',
    {
      config,
      onSend: cacheablePublicJson(PROFILE_MAX_AGE),
      schema: {
        tags,
        security: [],
        summary: '市场主体公示信息（登记信息、年报、异常名录与严重违法失信名单、抽查结果、行政处罚）',
        params: ZUsccParams,
        response: { 200: ZPublicEntityProfile },
      },
    },
    (req) => profiles.profile(req.params.uscc),
  );
};
