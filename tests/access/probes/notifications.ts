import type { AccessProbe, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * Notifications are their recipient's alone: each caller, whatever their role and scope, sees and marks only the
 * row addressed to them. Rows are seeded with SQL (one per owner); the bell's routes are driven as the caller.
 */
const page = (res: { status: number; body: unknown }): Outcome => {
  const body = res.body as { items?: { id: number }[] } | undefined;
  return { status: res.status, ids: body?.items?.map((i) => String(i.id)) };
};

const notification: AccessProbe = {
  kind: 'notification',
  tables: ['notifications'],
  recipientOnly: 'a notification is addressed to one user; no data scope or permission shows it to anyone else',
  async seed(ctx, owners, outsider) {
    return seedEach(ctx, owners, outsider, (owner) =>
      insertOne(
        ctx.db,
        `INSERT INTO notifications (user_id, kind, title, link) VALUES ($1, 'assigned', '矩阵探针通知', '/') RETURNING id`,
        [owner],
      ),
    );
  },
  ops: {
    list: async (c) => page(await c.get('/api/v1/notifications?unread=true&limit=100')),
    count: async (c) => {
      const res = await c.get<{ unread?: number }>('/api/v1/notifications/unread-count');
      return { status: res.status, total: res.body?.unread };
    },
    write: async (c, { id }) => status(await c.post(`/api/v1/notifications/${id}/read`, {})),
  },
  notOffered: {
    get: 'a notification is read in the list; opening it marks it read (write)',
    export: 'no notification export',
    download: 'notifications carry no file',
  },
};

export const probes: AccessProbe[] = [notification];
