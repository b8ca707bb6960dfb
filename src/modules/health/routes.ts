import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../contracts/zod.ts';
import type { HealthService } from './service.ts';

const ZHealth = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });

export const healthRoutes: FastifyPluginAsyncZod<{ health: HealthService }> = async (app, { health }) => {
  app.get(
    '/health',
    { config: { auth: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: ZHealth } } },
    async () => health.check(),
  );
};
