import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../contracts/zod.ts';
import type { Db } from '../../db/client.ts';

const ZHealth = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });

export const healthRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/health',
    { config: { auth: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: ZHealth } } },
    async () => {
      await db.query('SELECT 1');
      return { status: 'ok' as const, database: db.kind };
    },
  );
};
