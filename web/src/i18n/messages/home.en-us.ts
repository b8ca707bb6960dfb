import type { homeZhCN } from './home.zh-cn.ts';

export const homeEnUS: Record<keyof typeof homeZhCN, string> = {
  'home.permission.dashboard:read': 'View dashboards',
};
