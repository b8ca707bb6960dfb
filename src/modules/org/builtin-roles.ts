import type { DataScope, Permission } from '../../contracts/permissions.ts';
import { allPermissions } from '../../contracts/permissions.ts';

/** The roles every install starts with (production baseline and demo alike); admins may add their own. */
const readAll: Permission[] = allPermissions.filter((p) => p.endsWith(':read'));
/** 局领导 read everything, approve cases (立案, 延期, 集体讨论, 决定), review station ratings and watch every open step (督办). */
const leaderPermissions: Permission[] = [...readAll, 'case:approve', 'rating:review', 'inbox:oversee'];

export const builtinRoles: { code: string; name: string; permissions: Permission[]; dataScope: DataScope }[] = [
  { code: 'admin', name: '系统管理员', permissions: allPermissions, dataScope: 'all' },
  { code: 'leader', name: '局领导', permissions: leaderPermissions, dataScope: 'all' },
  {
    code: 'dept_staff',
    name: '科室工作人员',
    permissions: [
      'entity:read',
      'entity:write',
      'credit:read',
      'credit:write',
      'spotcheck:read',
      'spotcheck:write',
      'complaint:read',
      'case:read',
      'case:write',
      'dashboard:read',
      'calendar:read',
      'jobs:read',
      'food:read',
      'food:write',
      'food:settings',
    ],
    dataScope: 'all',
  },
  {
    code: 'station_chief',
    name: '市场监管所所长',
    permissions: [
      'org:unit:read',
      'org:user:read',
      'org:user:write',
      'org:role:read',
      'audit:read',
      'entity:read',
      'entity:write',
      'credit:read',
      'spotcheck:read',
      'spotcheck:write',
      'complaint:read',
      'complaint:write',
      'case:read',
      'case:write',
      'case:approve',
      'dashboard:read',
      'calendar:read',
      'jobs:read',
      'rating:read',
      'rating:write',
      'food:read',
      'food:write',
      'food:approve',
    ],
    dataScope: 'unit_and_below',
  },
  {
    code: 'inspector',
    name: '执法检查人员',
    permissions: [
      'entity:read',
      'spotcheck:read',
      'spotcheck:write',
      'complaint:read',
      'complaint:write',
      'case:read',
      'case:write',
      'calendar:read',
      'food:read',
      'food:write',
    ],
    dataScope: 'unit_and_below',
  },
  {
    code: 'hotline',
    name: '12315话务处理人员',
    permissions: ['entity:read', 'complaint:read', 'complaint:write', 'calendar:read'],
    dataScope: 'all',
  },
  {
    code: 'legal_reviewer',
    name: '法制审核人员',
    permissions: ['entity:read', 'case:read', 'case:legal', 'calendar:read'],
    dataScope: 'all',
  },
];
