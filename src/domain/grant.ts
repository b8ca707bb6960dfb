/** How far a user's data reaches, narrowest first (labels in domain/permissions.ts dataScopes). */
export const dataScopeValues = ['self', 'unit_and_below', 'all'] as const;
export type DataScope = (typeof dataScopeValues)[number];

/**
 * What a role, or a user through all their roles, may do: permissions and how far their data reaches.
 * `P` is the permission code (domain/permissions.ts Permission); the rule does not depend on which codes exist.
 */
export interface Grant<P extends string = string> {
  permissions: readonly P[];
  dataScope: DataScope;
}

/** Whoever hands out or manages a grant: the server's Actor (a Set) or the web's `me` (an array). */
export interface GrantHolder<P extends string = string> {
  permissions: ReadonlySet<P> | readonly P[];
  dataScope: DataScope;
}

const scopeRank: Record<DataScope, number> = { self: 0, unit_and_below: 1, all: 2 };

/** A user's grant: the union of the roles' permissions and the widest scope (as the server builds an Actor). */
export function grantOf<P extends string>(roles: readonly Grant<P>[]): Grant<P> {
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
export function beyondHolder<P extends string>(holder: GrantHolder<P>, grant: Grant<P>): string[] {
  const held: ReadonlySet<P> = holder.permissions instanceof Set ? holder.permissions : new Set(holder.permissions);
  const extra: string[] = grant.permissions.filter((p) => !held.has(p));
  if (scopeRank[grant.dataScope] > scopeRank[holder.dataScope]) extra.push('dataScope');
  return extra;
}
