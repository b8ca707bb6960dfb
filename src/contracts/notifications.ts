import { notificationKindCodes } from '../domain/notification-kinds.ts';
import { ZTimestamp } from './common.ts';
import { z } from './zod.ts';

export { type NotificationKind, notificationKinds } from '../domain/notification-kinds.ts';

export const ZNotificationKind = z.enum(notificationKindCodes as [string, ...string[]]);

/** One notification as its recipient sees it; `link` is an in-app path ('/complaints/12'). */
export const ZNotification = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: ZTimestamp,
  readAt: ZTimestamp.nullable(),
});

export const ZNotificationListQuery = z.object({
  /** true: unread only (the bell's list). */
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const ZUnreadCount = z.object({ unread: z.number().int() });

export const ZMarkedRead = z.object({ marked: z.number().int() });

export type TNotification = z.infer<typeof ZNotification>;
