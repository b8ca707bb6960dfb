import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZOpenGradePage,
  ZOpenGradeQuery,
  ZPublicFoodDetail,
  ZPublicFoodPage,
  ZPublicFoodSearchQuery,
  ZPublicHonourPage,
  ZPublicHonourQuery,
} from '../../contracts/food-public.ts';
import { cacheablePublicJson } from '../../platform/http-cache.ts';
import type { FoodPublicService } from './services/public.ts';

/** Seconds a phone or proxy may reuse an answer before revalidating it with If-None-Match. */
const PORTAL_MAX_AGE = 60;
const OPEN_DATA_MAX_AGE = 300;

/** The portal's food page (/api/v1/public/food/…): search, one business, published 红黑榜; no login, rate-limited. */
export const publicFoodRoutes: FastifyPluginAsyncZod<{ food: FoodPublicService; rateLimitPerMinute: number }> = async (
  app,
  { food, rateLimitPerMinute },
) => {
  const tags = ['public'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  const onSend = cacheablePublicJson(PORTAL_MAX_AGE);
  app.get(
    '/public/food/businesses',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '食品经营者查询（免登录；按名称中的文字或许可证编号），含当前量化等级',
        querystring: ZPublicFoodSearchQuery,
        response: { 200: ZPublicFoodPage },
      },
    },
    (req) => food.search(req.query),
  );
  app.get(
    '/public/food/businesses/:id',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '食品经营者公示：动态等级（笑脸）、年度等级、最近一次检查、经营者回应、红黑榜',
        params: ZIdParams,
        response: { 200: ZPublicFoodDetail },
      },
    },
    (req) => food.business(req.params.id),
  );
  app.get(
    '/public/food/honour-lists',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '已发布的食品安全红黑榜（按月、按监管所）',
        querystring: ZPublicHonourQuery,
        response: { 200: ZPublicHonourPage },
      },
    },
    (req) => food.publishedLists(req.query),
  );
};

/** Open data (/api/open/v1/food/…): grades as FHRS's API has them, and published 红黑榜. */
export const openFoodRoutes: FastifyPluginAsyncZod<{ food: FoodPublicService; rateLimitPerMinute: number }> = async (
  app,
  { food, rateLimitPerMinute },
) => {
  const tags = ['open-data'];
  const config = { auth: 'public' as const, rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute' } };
  const onSend = cacheablePublicJson(OPEN_DATA_MAX_AGE);
  app.get(
    '/food/grades',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '开放数据：食品经营者量化分级（动态等级与年度等级）',
        description:
          '免登录、免密钥。按 `next`（或 `cursor`）翻页直到为 null；按等级编号递增排序，新评定的等级总在末尾，翻页中途新增不会' +
          '跳过或重复。默认只含当前有效等级；给出 updatedSince 时返回该日以后评定或被取代的等级（含已取代）。支持 ' +
          'If-None-Match（未变化时返回 304）。不含检查人员、从业人员及健康证信息。',
        querystring: ZOpenGradeQuery,
        response: { 200: ZOpenGradePage },
      },
    },
    (req) => food.openGrades(req.query, `${req.routeOptions.url}`),
  );
  app.get(
    '/food/honour-lists',
    {
      config,
      onSend,
      schema: {
        tags,
        security: [],
        summary: '开放数据：已发布的食品安全红黑榜',
        querystring: ZPublicHonourQuery,
        response: { 200: ZPublicHonourPage },
      },
    },
    (req) => food.publishedLists(req.query),
  );
};
