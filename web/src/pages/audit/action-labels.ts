import { knownKey } from '../../i18n/known-key.ts';
import type { MessageKey } from '../../i18n/zh-cn.ts';

/** Known audit actions (messages auditAction.<code>); an action missing there (a newer module) shows its code. */
export function actionLabel(t: (key: MessageKey) => string, action: string): string | undefined {
  const key = knownKey(`auditAction.${action}`);
  return key && t(key);
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
  'complaint',
  'credit',
  'spotcheck',
  'food',
  'foodSample',
  'foodSamplingPlan',
  'system',
];
