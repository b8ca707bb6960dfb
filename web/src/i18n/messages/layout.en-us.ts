import type { layoutZhCN } from './layout.zh-cn.ts';

export const layoutEnUS: Record<keyof typeof layoutZhCN, string> = {
  'lang.zhCN': '中文',
  'lang.enUS': 'EN',
};
