import type { DataScope, Permission } from '../contracts/permissions.ts';
import type { Where } from '../db/sql.ts';
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

/**
 * Adds the caller's data scope to a query. `unit` is the owning-unit column; `owner` the creating or
 * assigned user column, used by the "own records only" scope.
 */
export function scopeWhere(actor: Actor, w: Where, cols: { unit: string; owner?: string }): Where {
  switch (actor.dataScope) {
    case 'all':
      return w;
    case 'unit_and_below':
      // An explicit id list lets the planner estimate the share of rows; a subquery it guesses at 2 rows.
      return w.add(`${cols.unit} = ANY(?::bigint[])`, actor.scopeUnitIds);
    case 'self':
      return cols.owner ? w.add(`${cols.owner} = ?`, actor.userId) : w.add('false');
  }
}

/** Unit path prefix the caller may see, or null for everything. */
export function scopeUnitPath(actor: Actor): string | null {
  return actor.dataScope === 'all' ? null : actor.unitPath;
}

export function canReachUnit(actor: Actor, unitPath: string): boolean {
  return actor.dataScope === 'all' || (actor.dataScope === 'unit_and_below' && unitPath.startsWith(actor.unitPath));
}
