import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZScreen, ZScreenQuery } from '../../contracts/screen.ts';
import { actorOf } from '../../platform/http.ts';
import type { ScreenService } from './service.ts';

/** 智慧大脑: the district's (or one station's) figures from the rollup the job screen.refresh keeps. */
export const screenRoutes: FastifyPluginAsyncZod<{ screen: ScreenService }> = async (app, { screen }) => {
  app.get(
    '/screen',
    {
      config: { permission: 'screen:read' },
      schema: {
        tags: ['screen'],
        summary: '智慧大脑大屏数据（读汇总表，每5分钟刷新；computedAt 为数据更新时间）',
        querystring: ZScreenQuery,
        response: { 200: ZScreen },
      },
    },
    async (req) => screen.read(actorOf(req), req.query.unitId ?? null),
  );
};
