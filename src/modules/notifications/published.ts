import type { Queryable } from '../../db/client.ts';
import { insertNotifications } from './repo.ts';

/**
 * What other modules call to tell users something, inside the transaction of the change that causes it (the
 * notification exists only if the change commits). One statement for any number of recipients; with a
 * `dedupeKey` (unique per user, e.g. `overdue:complaint:123:2026-12-03`) a repeated sweep tells nobody twice.
 * Inactive or unknown user ids are skipped. Kinds: src/domain/notification-kinds.ts.
 */
export async function notify(
  tx: Queryable,
  n: {
    userIds: number[];
    kind: string;
    title: string;
    body?: string;
    link?: string;
    subjectType?: string;
    subjectId?: string | number;
    dedupeKey?: string;
  },
): Promise<void> {
  const userIds = n.userIds.filter((id) => Number.isSafeInteger(id) && id > 0);
  if (!userIds.length) return;
  await insertNotifications(tx, {
    userIds,
    kind: n.kind,
    title: n.title.slice(0, 200),
    body: n.body?.slice(0, 2000) ?? null,
    link: n.link ?? null,
    subjectType: n.subjectType ?? null,
    subjectId: n.subjectId === undefined ? null : String(n.subjectId),
    dedupeKey: n.dedupeKey ?? null,
  });
}
