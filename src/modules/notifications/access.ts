import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A notification (alias n = notifications) is addressed to one user and is theirs alone: no data scope, not even
 * `all`, and no permission shows it to anyone else (the policy's `recipient` rule). It has no owning unit: the
 * unit rule is never consulted for a recipient kind, and 'NULL' would match no unit if it were.
 */
export const notificationKind = defineResource({
  name: 'notification',
  label: '消息通知',
  read: null,
  write: null,
  unitColumn: 'NULL',
  selfColumns: ['n.user_id'],
  recipient: 'n.user_id',
});

export const notificationReach = (n: { userId: number }): RowReach => ({
  unitId: null,
  userIds: [n.userId],
  recipient: n.userId,
});
