import type { DataScope, Permission } from '../contracts/permissions.ts';
import { forbidden } from './errors.ts';

/** The authenticated caller, as every service sees it. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  unitId: number;
  unitName: string;
  unitKind: string;
  /** Materialised path of the caller's unit, e.g. '/1/4/'. */
  unitPath: string;
  /** Ids of the caller's unit and every unit below it (what "unit and below" means, resolved once). */
  scopeUnitIds: number[];
  roles: { code: string; name: string }[];
  permissions: ReadonlySet<Permission>;
  dataScope: DataScope;
  ip: string | null;
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden(`缺少权限：${permission}`);
}
