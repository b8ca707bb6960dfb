import type { TCategory } from '../../api/complaints.ts';

export interface CategoryNode {
  value: string;
  title: string;
  children: CategoryNode[];
}

/** Goods and service categories as the tree a TreeSelect shows (parents first in the API's order). */
export function toCategoryTree(categories: TCategory[]): CategoryNode[] {
  const nodes = new Map(
    categories.map((c) => [c.code, { value: c.code, title: c.name, children: [] as CategoryNode[] }]),
  );
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.code)!;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
