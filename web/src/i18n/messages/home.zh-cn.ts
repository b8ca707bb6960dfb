/** 首页. */
export const homeZhCN = {
  'home.permission.case:read': '查看执法办案',
  'home.permission.case:write': '办理执法案件',
  'home.permission.case:approve': '审批执法案件',
  'home.permission.case:legal': '法制审核',
  'home.permission.case:settings': '维护办案参数',
  'home.permission.dashboard:read': '查看数据看板',
} as const;
