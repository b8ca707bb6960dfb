import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZInbox, ZInboxQuery, ZTeamWorkload } from '../../contracts/inbox.ts';
import { actorOf } from '../../platform/http.ts';
import type { InboxService } from './service.ts';

/** 我的待办: every signed-in user has one; each module decides from their permissions what it shows. */
export const inboxRoutes: FastifyPluginAsyncZod<{ inbox: InboxService }> = async (app, { inbox }) => {
  app.get(
    '/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: '我的待办：逾期、今日到期、本周到期、待我审批（按本人权限和数据范围）',
        querystring: ZInboxQuery,
        response: { 200: ZInbox },
      },
    },
    async (req) => inbox.inbox(actorOf(req), req.query.limit),
  );
  app.get(
    '/inbox/team',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        tags: ['inbox'],
        summary: '团队工作量：本人数据范围内每人在办事项数（按模块）',
        querystring: ZInboxQuery,
        response: { 200: ZTeamWorkload },
      },
    },
    async (req) => inbox.team(actorOf(req), req.query.limit),
  );
};
