import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZOpenEntityPage,
  ZOpenEntityQuery,
  ZPublicEntityProfile,
  ZUsccParams,
} from '../../contracts/entity-profile.ts';
import { cacheablePublicJson } from '../../platform/http-cache.ts';
import type { EntityProfileService } from './service.ts';

/** Seconds a harvester may reuse a page before revalidating it (If-None-Match answers 304 when unchanged). */
const OPEN_DATA_MAX_AGE = 300;

/**
 * Open data (公共数据开放), mounted at /api/open/v1: the facts of the public profile as JSON for anyone, no key.
 * Pages are keyset (follow `next`), every answer carries an ETag and Cache-Control, each client has a per-minute
 * budget. Documented in the OpenAPI document under the tag open-data.
 */
export const openDataRoutes: FastifyPluginAsyncZod<{
  profiles: Pick<EntityProfileService, 'openPage' | 'profile'>;
  /** Requests per minute per client (config OPEN_DATA_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
}> = async (app, { profiles, rateLimitPerMinute }) => {
  const tags = ['open-data'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  const onSend = cacheablePublicJson(OPEN_DATA_MAX_AGE);
  app.get(
    '/entities',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '开放数据：全部市场主体的登记信息（按登记记录顺序分页）',
        description:
          '免登录、免密钥。按 `next`（或 `cursor`）翻页直到为 null；支持 If-None-Match（未变化时返回 304）。' +
          '个体工商户经营者姓名已脱敏，不含身份证号码和电话。',
        querystring: ZOpenEntityQuery,
        response: { 200: ZOpenEntityPage },
      },
    },
    (req) => profiles.openPage(req.query, `${req.routeOptions.url}`),
  );
  app.get(
    '/entities/:uscc',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '开放数据：一个市场主体的公示信息',
        description: '代码格式错误返回 400，未登记的代码返回 404（problem+json，中文说明）。',
        params: ZUsccParams,
        response: { 200: ZPublicEntityProfile },
      },
    },
    (req) => profiles.profile(req.params.uscc),
  );
};
