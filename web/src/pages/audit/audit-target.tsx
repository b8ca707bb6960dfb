import { Link } from 'react-router';
import type { TAuditEntry } from '../../../../src/contracts/audit.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';

/**
 * Where an audit row's target opens: its own page where one takes an id, else the list it belongs to. The API
 * gives targetType/targetId only (no name), so the link reads "<kind> #id".
 */
const targetRoutes: Record<string, (id: string) => string> = {
  complaint: (id) => `/complaints/${id}`,
  entity: (id) => `/entities/${id}`,
  spotCheckTask: (id) => `/spot-checks/tasks/${id}`,
  spotCheckVisit: (id) => `/spot-checks/visits/${id}`,
  user: () => '/org/users',
  role: () => '/org/roles',
  org_unit: () => '/org/units',
  job: () => '/jobs',
  riskModel: () => '/credit/model',
  'credit-repair': () => '/credit/repairs',
  calendar_day: () => '/calendar',
  calendar_year: () => '/calendar',
};

export function targetPath(type: string, id: string | null): string | undefined {
  const route = targetRoutes[type];
  return route && id !== null ? route(id) : undefined;
}

export function AuditTarget({ entry }: { entry: Pick<TAuditEntry, 'targetType' | 'targetId'> }) {
  const t = useT();
  const { targetType: type, targetId: id } = entry;
  if (!type) return '—';
  const key = knownKey(`auditTarget.${type}`);
  const text = `${key ? t(key) : type}${id !== null ? ` #${id}` : ''}`;
  const path = targetPath(type, id);
  return path ? (
    <Link to={path} data-testid="audit-target-link">
      {text}
    </Link>
  ) : (
    text
  );
}
