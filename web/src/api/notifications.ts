import { ZPage } from '../../../src/contracts/common.ts';
import {
  ZMarkedRead,
  ZNotification,
  type ZNotificationListQuery,
  ZUnreadCount,
} from '../../../src/contracts/notifications.ts';
import { type CallOptions, type QueryInput, request } from './client.ts';

const ZNotificationPage = ZPage(ZNotification);

export type NotificationListQuery = QueryInput<typeof ZNotificationListQuery>;

/** The signed-in user's own notifications (the bell and /notifications). */
export const notificationsApi = {
  list: (query: NotificationListQuery, opts?: CallOptions) =>
    request('/notifications', { query: { ...query }, schema: ZNotificationPage, signal: opts?.signal }),
  unreadCount: (opts?: CallOptions) =>
    request('/notifications/unread-count', { schema: ZUnreadCount, signal: opts?.signal }),
  markRead: (id: number) => request(`/notifications/${id}/read`, { method: 'POST', body: {}, schema: ZNotification }),
  markAllRead: () => request('/notifications/read-all', { method: 'POST', body: {}, schema: ZMarkedRead }),
};
