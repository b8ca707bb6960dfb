import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZCaseStatsQuery, ZCaseStatsResult } from '../../../contracts/case-stats.ts';
import { actorOf } from '../../../platform/http.ts';
import type { CaseStats } from '../services/stats.ts';

export const caseStatsRoutes: FastifyPluginAsyncZod<{ stats: CaseStats }> = async (app, { stats }) => {
  app.get(
    '/case-stats',
    {
      config: { permission: 'case:read' as const },
      schema: {
        tags: ['cases'],
        summary:
          '执法办案统计：立案、结案、大要案、罚没款、案值、涉案货值、移送司法机关，按所、科室、违法类型或月份，含同比',
        querystring: ZCaseStatsQuery,
        response: { 200: ZCaseStatsResult },
      },
    },
    async (req) => stats.summary(actorOf(req), req.query.year, req.query.groupBy),
  );
};
