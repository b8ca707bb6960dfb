import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { ZMarkedRead, ZNotification, ZNotificationListQuery, ZUnreadCount } from '../../contracts/notifications.ts';
import { actorOf } from '../../platform/http.ts';
import type { NotificationService } from './service.ts';

/** Every signed-in user's own notifications: no permission, nobody else's (src/modules/notifications/access.ts). */
export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationService }> = async (
  app,
  { notifications },
) => {
  const tags = ['notifications'];
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的消息通知',
        querystring: ZNotificationListQuery,
        response: { 200: ZPage(ZNotification) },
      },
    },
    async (req) => notifications.list(actorOf(req), req.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      // The bell polls this: it must not count as activity, or an open tab would never reach the idle timeout.
      config: { passive: true },
      schema: { tags, summary: '未读消息数', response: { 200: ZUnreadCount } },
    },
    async (req) => notifications.unreadCount(actorOf(req)),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标为已读', response: { 200: ZMarkedRead } } },
    async (req) => notifications.markAllRead(actorOf(req)),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标为已读', params: ZIdParams, response: { 200: ZNotification } } },
    async (req) => notifications.markRead(actorOf(req), req.params.id),
  );
};
