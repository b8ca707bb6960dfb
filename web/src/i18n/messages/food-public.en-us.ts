import type { foodPublicZhCN } from './food-public.zh-cn.ts';

export const foodPublicEnUS: Record<keyof typeof foodPublicZhCN, string> = {
  'permission.food:approve': 'Review and publish the food red/black list',
};
