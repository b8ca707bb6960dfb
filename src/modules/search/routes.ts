import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSearchQuery, ZSearchResult } from '../../contracts/search.ts';
import { actorOf } from '../../platform/http.ts';
import type { SearchService } from './service.ts';

/** Any signed-in user may search: each group checks its own permission and the caller's data scope. */
export const searchRoutes: FastifyPluginAsyncZod<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: '全局检索（市场主体、投诉举报、案件、用户；按权限与数据范围）',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResult },
      },
    },
    async (req) => search.search(actorOf(req), req.query),
  );
};
