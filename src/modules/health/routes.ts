import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZSystemSummary } from '../../contracts/system.ts';
import { z } from '../../contracts/zod.ts';
import type { HealthService } from './service.ts';

const ZHealth = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });

export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthService }> = async (app, { health }) => {
  app.get(
    '/health',
    { config: { auth: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: ZHealth } } },
    async () => health.check(),
  );
  app.get(
    '/system/summary',
    {
      config: { permission: 'audit:login:read' },
      schema: {
        tags: ['system'],
        summary: '系统运行状况（后台任务、今日登录失败、审计链检查点、数据库大小）',
        response: { 200: ZSystemSummary },
      },
    },
    async () => health.summary(),
  );
};
