import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One API call a page makes when it opens (or when its search box or a filter is used). */
export interface PageCall {
  label: string;
  path: string;
}

export interface PageCallContext {
  /** Shanghai today, YYYY-MM-DD. */
  today: string;
  /** This month and last month, YYYY-MM. */
  month: string;
  lastMonth: string;
  year: number;
  /** A day 30 days ago (list filters with a date range). */
  monthAgo: string;
  /** The caller's first station id (a station filter). */
  stationId: number;
}

/**
 * Every page of the web sidebar (web/src/app-menu.tsx, entries without hideInMenu) and the GET calls it makes when
 * it opens, as its component does (web/src/pages/…, through web/src/api/…): the first page, plus a searched page
 * where the page has a search box and a filtered one where a filter is the common use. `[]`: a page that opens on a
 * form or an upload and lists nothing until the user acts. A page added to the menu without a line here stops the
 * bench (menuPages below), so the list stays complete.
 */
export function pageCalls(c: PageCallContext): Record<string, PageCall[]> {
  const first = (path: string): PageCall => ({ label: 'first page', path });
  const search = (path: string, q: string): PageCall => ({
    label: `search ${q}`,
    path: `${path}${path.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}`,
  });
  const filter = (label: string, path: string): PageCall => ({ label, path });
  return {
    '/': [first('/api/v1/inbox?limit=10'), filter('bell count', '/api/v1/notifications/unread-count')],
    '/org/units': [first('/api/v1/org/units')],
    '/org/users': [first('/api/v1/org/users?limit=20'), search('/api/v1/org/users?limit=20', 's01')],
    '/org/roles': [first('/api/v1/org/roles')],
    '/audit': [first('/api/v1/audit?limit=50'), filter('by action', '/api/v1/audit?limit=50&action=auth.login')],
    '/audit/logins': [first('/api/v1/audit/logins?limit=50')],
    '/entities': [
      first('/api/v1/entities?limit=20'),
      search('/api/v1/entities?limit=20', '餐饮'),
      search('/api/v1/entities?limit=20', '恒泰'),
      filter('by station', `/api/v1/entities?limit=20&stationId=${c.stationId}`),
    ],
    '/complaints': [
      first('/api/v1/complaints?limit=20'),
      search('/api/v1/complaints?limit=20', '退款'),
      filter('overdue', '/api/v1/complaints?limit=20&overdue=true'),
      filter('mine', '/api/v1/complaints?limit=20&mine=true'),
    ],
    '/complaints/new': [first('/api/v1/complaints/categories')],
    '/complaints/analysis': [
      first(`/api/v1/complaints/analysis?from=${c.month}&to=${c.month}&by=category`),
      filter('hot topics', `/api/v1/complaints/analysis/hot-topics?from=${c.monthAgo}&to=${c.today}`),
      filter('alerts', '/api/v1/complaints/alerts?limit=10'),
    ],
    '/cases/stats': [first(`/api/v1/case-stats?year=${c.year}&groupBy=station`)],
    '/equipment/registry': [
      first('/api/v1/equipment?limit=20'),
      search('/api/v1/equipment?limit=20', '电梯'),
      filter('categories', '/api/v1/equipment/categories'),
    ],
    '/equipment/due': [first('/api/v1/equipment?limit=20&inspectionState=dueOrOverdue')],
    '/equipment/map': [first('/api/v1/equipment/map')],
    '/equipment/settings': [
      first('/api/v1/equipment/settings'),
      filter('intervals', '/api/v1/equipment/settings/intervals'),
    ],
    '/food/businesses': [first('/api/v1/food/businesses?limit=20'), search('/api/v1/food/businesses?limit=20', '餐饮')],
    '/food/licences': [first('/api/v1/food/licences?limit=20'), search('/api/v1/food/licences?limit=20', '餐饮')],
    '/food/health-certificates': [
      first('/api/v1/food/health-certificates?limit=20'),
      search('/api/v1/food/health-certificates?limit=20', '陈'),
    ],
    '/food/inspections': [
      first('/api/v1/food/inspections?limit=20'),
      filter('mine', '/api/v1/food/inspections?limit=20&mine=true'),
    ],
    '/equipment/directives': [
      first('/api/v1/equipment/directives?limit=50'),
      filter('grades', '/api/v1/equipment/hazard-grades'),
    ],
    '/equipment/supervisions': [first('/api/v1/equipment/supervisions?limit=50')],
    '/equipment/plates': [],
    '/food/sampling/samples': [
      first('/api/v1/food/sampling/samples?limit=20'),
      search('/api/v1/food/sampling/samples?limit=20', '大米'),
      filter('plans', '/api/v1/food/sampling/plans?limit=100'),
    ],
    '/food/sampling/plans': [first('/api/v1/food/sampling/plans?limit=20')],
    '/food/sampling/pass-rates': [first(`/api/v1/food/sampling/pass-rates?from=${c.year}-01-01&to=${c.today}`)],
    '/food/sampling/import': [],
    '/drugs/sales': [
      first(`/api/v1/drugs/sales?limit=20&from=${c.monthAgo}&to=${c.today}`),
      filter('daily', `/api/v1/drugs/sales/daily?from=${c.monthAgo}&to=${c.today}`),
      filter('alerts', '/api/v1/drugs/sale-alerts?limit=50'),
    ],
    '/product/samples': [
      first('/api/v1/product/quality/samples?limit=20'),
      search('/api/v1/product/quality/samples?limit=20', '电线'),
    ],
    '/product/pass-rates': [first(`/api/v1/product/quality/pass-rates?by=category&year=${c.year}`)],
    '/product/ccc': [
      first('/api/v1/product/quality/ccc/certificates?limit=100'),
      filter('exemptions', '/api/v1/product/quality/ccc/exemptions?limit=100'),
    ],
    '/product/settings': [first('/api/v1/product/quality/settings')],
    '/food/kitchen/alerts': [first('/api/v1/food/kitchen/alerts?limit=20')],
    '/food/kitchen/enrollments': [
      first('/api/v1/food/kitchen/enrollments?limit=20'),
      search('/api/v1/food/kitchen/enrollments?limit=20', '餐饮'),
      filter('stats', '/api/v1/food/kitchen/stats'),
      filter('vendors', '/api/v1/food/kitchen/vendors'),
    ],
    '/food/appeals': [
      first('/api/v1/food/appeals?limit=20'),
      filter('replies', '/api/v1/food/grade-replies?limit=20'),
      filter('revisits', '/api/v1/food/revisit-requests?limit=20'),
    ],
    '/food/honour-lists': [first(`/api/v1/food/honour-lists/month-status?month=${c.lastMonth}`)],
    '/food/tiers': [
      first('/api/v1/food/tiers?limit=20'),
      search('/api/v1/food/tiers?limit=20', '餐饮'),
      filter('counts', '/api/v1/food/tiers/counts'),
    ],
    '/food/grading-rules': [first('/api/v1/food/grading-rules')],
    '/food/plan': [
      first(`/api/v1/food/plan/calendar?year=${c.year}&month=${Number(c.month.slice(5))}`),
      filter('summary', `/api/v1/food/plan/summary?year=${c.year}`),
    ],
    '/product/recalls': [first('/api/v1/product/recalls?limit=20'), search('/api/v1/product/recalls?limit=20', '电')],
    '/product/alerts/import': [first('/api/v1/product/alerts/batches?limit=20')],
    '/product/alerts/matches': [first('/api/v1/product/alerts/matches?limit=20')],
    '/credit': [first('/api/v1/credit/distribution')],
    '/credit/abnormal': [
      first('/api/v1/credit/listings?limit=20&list=abnormal'),
      filter('listed', '/api/v1/credit/listings?limit=20&list=abnormal&status=listed'),
      filter('batches', '/api/v1/credit/batches?limit=20&list=abnormal'),
    ],
    '/credit/serious': [
      first('/api/v1/credit/listings?limit=20&list=serious'),
      filter('batches', '/api/v1/credit/batches?limit=20&list=serious'),
    ],
    '/credit/repairs': [first('/api/v1/credit/repairs?limit=20')],
    '/credit/model': [first('/api/v1/credit/models')],
    '/spot-checks': [
      first('/api/v1/spot-checks/plans?limit=50'),
      filter('tasks', '/api/v1/spot-checks/tasks?limit=50'),
    ],
    '/spot-checks/catalog': [
      first('/api/v1/spot-checks/items'),
      filter('inspectors', '/api/v1/spot-checks/inspectors'),
      filter('pools', '/api/v1/spot-checks/pools'),
      filter('reference', '/api/v1/spot-checks/reference'),
    ],
    '/spot-checks/visits': [
      first('/api/v1/spot-checks/visits?limit=20'),
      filter('mine', '/api/v1/spot-checks/visits?limit=20&mine=true'),
    ],
    '/calendar': [first(`/api/v1/calendar/status?from=${c.year}-01-01&to=${c.year}-12-31`)],
    '/jobs': [first('/api/v1/jobs?limit=50')],
    '/reports/work': [first(`/api/v1/reports/work?from=${c.month}-01&to=${c.today}`)],
    '/province': [
      first('/api/v1/rollup/regions'),
      { label: '12315 by month', path: '/api/v1/rollup/regions/complaints-by-month?months=12' },
    ],
    '/stations/rating': [first(`/api/v1/station-ratings?year=${c.year}`)],
    '/drugs/pharmacies': [first('/api/v1/pharmacies?limit=20'), search('/api/v1/pharmacies?limit=20', '大药房')],
    '/drugs/attendance': [first(`/api/v1/pharmacies/attendance?from=${c.monthAgo}&to=${c.today}`)],
    '/drugs/cd-businesses': [
      first('/api/v1/drugs/cd-businesses?limit=20'),
      search('/api/v1/drugs/cd-businesses?limit=20', '化妆品'),
    ],
    '/drugs/adverse-events': [first('/api/v1/drugs/adverse-events?limit=20')],
    '/cases/leads': [first('/api/v1/case-leads?limit=20'), search('/api/v1/case-leads?limit=20', '食品')],
    '/cases': [
      first('/api/v1/cases?limit=20'),
      search('/api/v1/cases?limit=20', '餐饮'),
      filter('summary filings', '/api/v1/cases/summary-filings'),
    ],
    '/cases/approvals': [first('/api/v1/case-approvals?mine=pending')],
    '/cases/disclosures': [
      first('/api/v1/case-disclosures?limit=20'),
      search('/api/v1/case-disclosures?limit=20', '餐饮'),
    ],
    '/cases/summary': [],
    '/cases/evidence': [first('/api/v1/cases?limit=20&mine=true')],
    '/cases/settings': [first('/api/v1/case-settings'), filter('roles', '/api/v1/org/roles')],
  };
}

/** The sidebar's pages: every `path` in web/src/app-menu.tsx whose entry is not hidden from the menu. */
export function menuPages(root = process.cwd()): string[] {
  const src = readFileSync(join(root, 'web/src/app-menu.tsx'), 'utf8');
  const pages: string[] = [];
  // Object entries: `{ path: '/x', … hideInMenu: true … }` (one line or several).
  for (const m of src.matchAll(/\{\s*path: '([^']+)'([^{}]*?)\}/g)) {
    if (!/hideInMenu: true/.test(m[2]!)) pages.push(m[1]!);
  }
  // The case menu's helper: entry('/x', label, icon, permission[, true]).
  for (const m of src.matchAll(/entry\('([^']+)',[^\n]*?(, true)?\),?\n/g)) {
    if (!m[2]) pages.push(m[1]!);
  }
  return [...new Set(pages)];
}
