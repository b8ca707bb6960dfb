import type { Lang } from '../../i18n/i18n-context.tsx';

/** Known audit actions; an action missing here (a newer module) shows its code. */
const labels: Record<string, [zh: string, en: string]> = {
  'auth.login.success': ['登录成功', 'Signed in'],
  'auth.login.bad_password': ['密码错误', 'Wrong password'],
  'auth.login.unknown_user': ['用户名不存在', 'Unknown user'],
  'auth.login.locked': ['账户锁定中登录', 'Sign-in while locked'],
  'auth.login.inactive': ['停用账户登录', 'Sign-in to disabled account'],
  'auth.logout': ['退出登录', 'Signed out'],
  'org.unit.create': ['新增单位', 'Unit created'],
  'org.unit.update': ['修改单位', 'Unit updated'],
  'org.role.create': ['新增角色', 'Role created'],
  'org.role.update': ['修改角色', 'Role updated'],
  'org.user.create': ['新增用户', 'User created'],
  'org.user.update': ['修改用户', 'User updated'],
  'org.user.reset-password': ['重置密码', 'Password reset'],
  'org.user.unlock': ['解除锁定', 'User unlocked'],
  'calendar.override.set': ['设置日历调整', 'Calendar day set'],
  'calendar.override.delete': ['删除日历调整', 'Calendar day removed'],
  'calendar.year.confirm': ['确认年度安排', 'Year confirmed'],
  'entity.create': ['登记市场主体', 'Entity registered'],
  'entity.update': ['修改市场主体', 'Entity updated'],
  'entity.pii.reveal': ['查看完整个人信息', 'Personal data revealed'],
  'system.demo.load': ['载入演示数据', 'Demo data loaded'],
  'system.baseline.load': ['初始化系统', 'System initialised'],
};

export function actionLabel(action: string, lang: Lang): string | undefined {
  const entry = labels[action];
  return entry && (lang === 'zh-CN' ? entry[0] : entry[1]);
}

/** Prefixes the API filter accepts (it matches `action LIKE prefix%`). */
export const actionPrefixes = [
  'auth.login',
  'auth.logout',
  'org.unit',
  'org.role',
  'org.user',
  'calendar',
  'entity',
  'system',
];
