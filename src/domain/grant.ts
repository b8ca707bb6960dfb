import type { DataScope, Permission } from './permissions.ts';

/** What a role, or a user through all their roles, may do: permissions and how far their data reaches. */
export interface Grant {
  permissions: readonly Permission[];
  dataScope: DataScope;
}

/** Whoever hands out or manages a grant: the server's Actor (a Set) or the web's `me` (an array). */
export interface GrantHolder {
  permissions: ReadonlySet<Permission> | readonly Permission[];
  dataScope: DataScope;
}

const scopeRank: Record<DataScope, number> = { self: 0, unit_and_below: 1, all: 2 };

/** A user's grant: the union of the roles' permissions and the widest scope (as the server builds an Actor). */
export function grantOf(roles: readonly Grant[]): Grant {
  return {
    permissions: [...new Set(roles.flatMap((r) => r.permissions))],
    dataScope: roles.reduce<DataScope>((w, r) => (scopeRank[r.dataScope] > scopeRank[w] ? r.dataScope : w), 'self'),
  };
}

/**
 * The rule behind all user and role administration: nobody manages or hands out more than they hold themselves.
 * Returns what the grant has beyond the holder's (its extra permissions, and 'dataScope' when it reaches
 * further); empty when the grant is within the holder's.
 */
export function beyondHolder(holder: GrantHolder, grant: Grant): string[] {
  const held: ReadonlySet<Permission> =
    holder.permissions instanceof Set ? holder.permissions : new Set(holder.permissions);
  const extra: string[] = grant.permissions.filter((p) => !held.has(p));
  if (scopeRank[grant.dataScope] > scopeRank[holder.dataScope]) extra.push('dataScope');
  return extra;
}
