import type { TOrgUnit } from '../../../../src/contracts/org.ts';

export interface UnitNode extends TOrgUnit {
  children?: UnitNode[];
}

export interface UnitOption {
  value: number;
  title: string;
  disabled?: boolean;
  children?: UnitOption[];
}

/** The flat /org/units list as a tree ordered by sortOrder; a unit whose parent is missing becomes a root. */
export function buildUnitTree(units: TOrgUnit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<number | null, TOrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const build = (parent: number | null): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((unit) => {
        const children = build(unit.id);
        return children.length ? { ...unit, children } : { ...unit };
      });
  return build(null);
}

export function findSubtree(nodes: UnitNode[], id: number): UnitNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = node.children && findSubtree(node.children, id);
    if (found) return found;
  }
  return undefined;
}

/** `inactiveName` marks a deactivated unit (e.g. "name (inactive)"); without it the option is only greyed out. */
export function toUnitOptions(nodes: UnitNode[], inactiveName: (name: string) => string = (n) => n): UnitOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.active ? n.name : inactiveName(n.name),
    disabled: !n.active,
    children: n.children && toUnitOptions(n.children, inactiveName),
  }));
}

export const parentIdsOf = (nodes: UnitNode[]): number[] =>
  nodes.flatMap((n) => (n.children ? [n.id, ...parentIdsOf(n.children)] : []));
