import { defineResource } from '../../platform/access.ts';

/** An audit row: owned by the acting user's unit; under `self` only the caller's own actions. Append-only. */
export const auditEntryResource = defineResource({
  name: 'audit-entry',
  label: '审计日志',
  read: 'audit:read',
  write: null,
  unitColumn: 'a.unit_id',
  selfColumns: ['a.actor_id'],
});

/** A login-log row: owned by the user's unit; under `self` only the caller's own sign-ins. */
export const loginEntryResource = defineResource({
  name: 'login-entry',
  label: '登录日志',
  read: 'audit:login:read',
  write: null,
  unitColumn: 'l.unit_id',
  selfColumns: ['l.user_id'],
});
