import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { ZJob, ZJobListQuery } from '../../contracts/jobs.ts';
import { actorOf } from '../../platform/http.ts';
import type { JobService } from './service.ts';

export const jobRoutes: FastifyPluginAsyncZod<{ jobs: JobService }> = async (app, { jobs }) => {
  const tags = ['jobs'];
  app.get(
    '/jobs',
    {
      config: { permission: 'jobs:read' },
      schema: { tags, summary: '后台任务列表', querystring: ZJobListQuery, response: { 200: ZPage(ZJob) } },
    },
    async (req) => jobs.list(actorOf(req), req.query),
  );
  app.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: '后台任务进度（本人发起的任务无需额外权限）',
        params: ZIdParams,
        response: { 200: ZJob },
      },
    },
    async (req) => jobs.get(actorOf(req), req.params.id),
  );
};
