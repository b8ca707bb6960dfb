import { useMemo } from 'react';
import type { TMe } from '../../../../src/contracts/auth.ts';
import type { TOrgUnit, TRole, TUser } from '../../../../src/contracts/org.ts';
import { beyondHolder, grantOf } from '../../../../src/domain/grant.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { buildUnitTree, findSubtree, type UnitNode } from './unit-tree.ts';

/** Mirrors the server rule: one may only grant roles no wider than one's own permissions and scope. */
export const canAssignRole = (me: TMe, role: TRole): boolean => beyondHolder(me, role).length === 0;

/**
 * Mirrors the server rule for editing, resetting, unlocking or disabling: the user's roles must stay within
 * mine. When their roles are not loaded (no role permission), the actions stay and the server decides.
 */
export function canManageUser(me: TMe, user: TUser, roleById: ReadonlyMap<number, TRole>): boolean {
  const roles = user.roleIds.map((id) => roleById.get(id));
  if (roles.some((r) => r === undefined)) return true;
  return beyondHolder(me, grantOf(roles as TRole[])).length === 0;
}

/**
 * Units and roles for pickers and name look-ups. Each list loads only with its read permission;
 * without it the pickers are empty and the server still decides.
 */
export function useOrgRefs(opts: { roles?: boolean } = {}) {
  const { me, can } = useAuth();
  const canUnits = can('org:unit:read');
  const canRoles = (opts.roles ?? true) && can('org:role:read');
  const units = useAsync(
    async (signal): Promise<TOrgUnit[]> => (canUnits ? orgApi.listUnits({ signal }) : []),
    queryKeys.org.units(canUnits),
  );
  const roles = useAsync(
    async (signal): Promise<TRole[]> => (canRoles ? orgApi.listRoles({ signal }) : []),
    queryKeys.org.roles(canRoles),
  );

  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  /** The part of the tree the signed-in user may assign users to. */
  const scopedTree = useMemo((): UnitNode[] => {
    if (!me || me.dataScope === 'all') return tree;
    const own = findSubtree(tree, me.user.unitId);
    return own ? [own] : [];
  }, [tree, me]);
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const roleById = useMemo(() => new Map((roles.data ?? []).map((r) => [r.id, r])), [roles.data]);

  return { units, roles, tree, scopedTree, unitName, roleById };
}
