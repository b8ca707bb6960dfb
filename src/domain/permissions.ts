import type { DataScope } from './grant.ts';

/**
 * Every permission the platform checks. Roles carry a subset; the web sidebar shows a menu entry
 * only when the user holds its permission.
 */
export const permissions = {
  'org:unit:read': '查看组织机构',
  'org:unit:write': '维护组织机构',
  'org:user:read': '查看用户',
  'org:user:write': '维护用户',
  'org:role:read': '查看角色',
  'org:role:write': '维护角色',
  'audit:read': '查看审计日志',
  'audit:login:read': '查看登录日志',
  'calendar:read': '查看工作日历',
  'calendar:write': '维护工作日历',
  'jobs:read': '查看后台任务',
  'entity:read': '查看市场主体',
  'entity:write': '登记维护市场主体',
  'credit:read': '查看信用监管',
  'credit:write': '信用监管操作',
  'spotcheck:read': '查看双随机抽查',
  'spotcheck:write': '双随机抽查操作',
  'complaint:read': '查看投诉举报',
  'complaint:write': '处理投诉举报',
  'case:read': '查看执法办案',
  'case:write': '办理执法案件',
  'case:approve': '审批执法案件',
  'case:legal': '法制审核',
  'case:settings': '维护办案参数',
  'dashboard:read': '查看数据看板',
  'inbox:oversee': '督办总览（待办含辖区全部在办事项）',
  'screen:read': '查看智慧大脑大屏',
  'rating:read': '查看监管所等级评定',
  'rating:write': '填报监管所等级评定',
  'rating:review': '审核监管所等级评定',
  'rating:settings': '维护等级评定标准',
  'food:read': '查看食品安全监管',
  'food:write': '食品安全监管操作',
  'food:settings': '维护食品安全参数（量化分级规则、风险分级模型、明厨亮灶平台接入）',
  'food:approve': '审核发布食品红黑榜',
  'equipment:read': '查看特种设备安全监察',
  'equipment:write': '特种设备安全监察操作',
  'equipment:settings': '维护特种设备参数（检验周期、隐患等级、维保周期）',
  'drug:read': '查看药品医疗器械化妆品监管',
  'drug:write': '药品医疗器械化妆品监管操作',
  'drug:settings': '维护药品监管参数（重点药品目录、考勤规则、保存期限）',
  'drug:personal': '查看重点药品购药人个人信息',
  'product:read': '查看产品质量监管',
  'product:write': '产品质量监管操作',
  'product:settings': '维护产品质量参数（产品目录、3C目录、涉安类分级）',
} as const;

export type Permission = keyof typeof permissions;
export const allPermissions = Object.keys(permissions) as Permission[];
export const isPermission = (p: string): p is Permission => p in permissions;

export const dataScopes = {
  all: '全部数据',
  unit_and_below: '本单位及下级',
  self: '仅本人',
} as const satisfies Record<DataScope, string>;
export type { DataScope };
