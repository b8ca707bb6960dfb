import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * An org unit: a unit owns itself. Nothing is a user's own, so `self` manages no unit. The tree itself is read
 * whole by anyone with org:unit:read (every picker needs it); the scope governs changes and placing users.
 */
export const orgUnitResource = defineResource({
  name: 'org-unit',
  label: '单位',
  read: 'org:unit:read',
  write: 'org:unit:write',
  unitColumn: 'o.id',
  selfColumns: [],
});

export const orgUnitReach = (unit: { id: number }): RowReach => ({ unitId: unit.id, userIds: [] });

/** A user account: owned by the user's unit; under `self` only the caller's own account. */
export const userResource = defineResource({
  name: 'user',
  label: '用户',
  read: 'org:user:read',
  write: 'org:user:write',
  unitColumn: 'u.unit_id',
  selfColumns: ['u.id'],
});

export const userReach = (user: { id: number; unitId: number }): RowReach => ({
  unitId: user.unitId,
  userIds: [user.id],
});
