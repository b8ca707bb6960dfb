/** 首页. */
export const homeZhCN = {
  'home.permission.dashboard:read': '查看数据看板',
} as const;
