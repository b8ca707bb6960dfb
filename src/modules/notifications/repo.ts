import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';

/** The only SQL of notifications (alias n). Reads take the access predicate; notify is set-based. */

export interface NotificationRow {
  id: number;
  userId: number;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
}

const columns = `n.id, n.user_id AS "userId", n.kind, n.title, n.body, n.link, n.subject_type AS "subjectType",
  n.subject_id AS "subjectId", n.created_at AS "createdAt", n.read_at AS "readAt"`;

export type Readable = (w: Where) => Where;

export interface NewNotification {
  userIds: readonly number[];
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  dedupeKey: string | null;
}

/**
 * One statement for any number of recipients; a recipient who already has the dedupe key is skipped, as is an
 * inactive or unknown user id. Returns how many rows were written.
 */
export async function insertNotifications(tx: Queryable, n: NewNotification): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO notifications (user_id, kind, title, body, link, subject_type, subject_id, dedupe_key)
     SELECT u.id, $2, $3, $4, $5, $6, $7, $8
       FROM users u WHERE u.id = ANY($1::bigint[]) AND u.active
     ON CONFLICT (user_id, dedupe_key) DO NOTHING
     RETURNING id`,
    [[...new Set(n.userIds)], n.kind, n.title, n.body, n.link, n.subjectType, n.subjectId, n.dedupeKey],
  );
  return rows.length;
}

/** Newest first, keyset on id; `unread`: only rows not yet read (the partial index). */
export async function listNotifications(
  q: Queryable,
  readable: Readable,
  f: { unread: boolean; beforeId?: number; limit: number },
): Promise<NotificationRow[]> {
  const w = readable(new Where()).addIf(f.beforeId, 'n.id < ?');
  if (f.unread) w.add('n.read_at IS NULL');
  const limit = w.param(f.limit);
  return q.query<NotificationRow>(
    `SELECT ${columns} FROM notifications n ${w} ORDER BY n.id DESC LIMIT ${limit}`,
    w.params,
  );
}

export async function countUnread(q: Queryable, readable: Readable): Promise<number> {
  const w = readable(new Where()).add('n.read_at IS NULL');
  const [row] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n ${w}`, w.params);
  return row?.n ?? 0;
}

export async function findNotification(q: Queryable, id: number): Promise<NotificationRow | undefined> {
  const [row] = await q.query<NotificationRow>(`SELECT ${columns} FROM notifications n WHERE n.id = $1`, [id]);
  return row;
}

/** Marks the readable rows `ids` (all unread ones when absent) read; returns how many changed. */
export async function markRead(q: Queryable, readable: Readable, ids?: readonly number[]): Promise<number> {
  const w = readable(new Where()).add('n.read_at IS NULL');
  if (ids) w.add('n.id = ANY(?::bigint[])', ids);
  const rows = await q.query(`UPDATE notifications n SET read_at = now() ${w} RETURNING n.id`, w.params);
  return rows.length;
}

/** Per user with unread notifications other than digests: how many, by kind (the daily digest). */
export async function unreadByUser(
  q: Queryable,
  afterUserId: number,
  limit: number,
): Promise<{ userId: number; kinds: Record<string, number>; total: number }[]> {
  return q.query(
    `SELECT s.user_id AS "userId", jsonb_object_agg(s.kind, s.n) AS kinds, sum(s.n)::int AS total
       FROM (SELECT n.user_id, n.kind, count(*)::int AS n FROM notifications n
              WHERE n.read_at IS NULL AND n.kind <> 'digest' AND n.user_id > $1
              GROUP BY n.user_id, n.kind) s
      GROUP BY s.user_id ORDER BY s.user_id LIMIT $2`,
    [afterUserId, limit],
  );
}
