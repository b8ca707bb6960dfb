import type { TCategory } from '../../api/complaints.ts';

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

/** Goods and service categories as the tree a TreeSelect shows (parents first in the API's order). */
export function toCategoryTree(categories: TCategory[]): TreeNode[] {
  const nodes = new Map(categories.map((c) => [c.code, { value: c.code, title: c.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const c of categories) {
    const node = nodes.get(c.code)!;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
