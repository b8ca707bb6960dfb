import type { homeZhCN } from './home.zh-cn.ts';

export const homeEnUS: Record<keyof typeof homeZhCN, string> = {
  'home.permission.case:read': 'View enforcement cases',
  'home.permission.case:write': 'Handle enforcement cases',
  'home.permission.case:approve': 'Approve enforcement cases',
  'home.permission.case:legal': 'Legal review',
  'home.permission.case:settings': 'Maintain case settings',
  'home.permission.dashboard:read': 'View dashboards',
};
