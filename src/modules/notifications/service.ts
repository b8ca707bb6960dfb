import type { z } from 'zod';
import type { ZNotificationListQuery } from '../../contracts/notifications.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import { isNotificationKind, notificationKinds } from '../../domain/notification-kinds.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { assertWritable, readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { notificationKind, notificationReach } from './access.ts';
import { notify } from './published.ts';
import * as repo from './repo.ts';
import { toNotification } from './view.ts';

export function createNotificationService(db: Db, deps: { now?: () => Date } = {}) {
  const mine = (actor: Actor) => (w: Parameters<repo.Readable>[0]) => readableWhere(actor, notificationKind, w);

  return {
    async list(actor: Actor, q: z.infer<typeof ZNotificationListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const rows = await repo.listNotifications(db, mine(actor), {
        unread: q.unread,
        beforeId: typeof beforeId === 'number' ? beforeId : undefined,
        limit: q.limit + 1,
      });
      return keysetPage(rows.map(toNotification), q.limit, (r) => [r.id]);
    },

    unreadCount: async (actor: Actor) => ({ unread: await repo.countUnread(db, mine(actor)) }),

    /** Marks one of the caller's notifications read (again: a no-op); another's answers 404. */
    async markRead(actor: Actor, id: number) {
      const row = await repo.findNotification(db, id);
      assertWritable(actor, notificationKind, row, notificationReach);
      await repo.markRead(db, mine(actor), [id]);
      return toNotification((await repo.findNotification(db, id))!);
    },

    markAllRead: async (actor: Actor) => ({ marked: await repo.markRead(db, mine(actor)) }),

    /**
     * Daily: each user with unread notifications gets one digest saying how many and of what kinds, once a day
     * (dedupe `digest:<date>`). Users are walked in id batches so a province's worth stays bounded per query.
     */
    async digest(batch = 1000): Promise<{ users: number }> {
      const today = shanghaiToday(deps.now?.() ?? new Date());
      let after = 0;
      let users = 0;
      for (;;) {
        const rows = await repo.unreadByUser(db, after, batch);
        if (!rows.length) break;
        await db.transaction(async (tx) => {
          for (const r of rows)
            await notify(tx, {
              userIds: [r.userId],
              kind: 'digest',
              title: `您有 ${r.total} 条未读消息`,
              body: digestBody(r.kinds),
              link: '/notifications',
              dedupeKey: `digest:${today}`,
            });
        });
        users += rows.length;
        after = rows.at(-1)!.userId;
        if (rows.length < batch) break;
      }
      return { users };
    },
  };
}

function digestBody(kinds: Record<string, number>): string {
  return Object.entries(kinds)
    .map(([k, n]) => `${isNotificationKind(k) ? notificationKinds[k] : k} ${n} 条`)
    .join('，');
}

export type NotificationService = ReturnType<typeof createNotificationService>;
