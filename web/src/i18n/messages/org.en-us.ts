import type { orgZhCN } from './org.zh-cn.ts';

export const orgEnUS: Record<keyof typeof orgZhCN, string> = {
  'units.inactiveName': '{name} (inactive)',
};
