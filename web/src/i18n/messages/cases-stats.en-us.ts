import type { casesStatsZhCN } from './cases-stats.zh-cn.ts';

export const casesStatsEnUS: Record<keyof typeof casesStatsZhCN, string> = {
  'nav.caseStats': 'Case statistics',
  'caseStats.opened': 'Opened',
  'caseStats.closed': 'Closed',
  'caseStats.major': 'Major cases (closed)',
  'caseStats.penalty': 'Fines and confiscations',
  'caseStats.penaltyWan': 'Fines and confiscations (10k CNY)',
  'caseStats.caseValue': 'Case value',
  'caseStats.goodsValue': 'Value of goods involved',
  'caseStats.transferred': 'Transferred to judicial authorities',
  'caseStats.typical': 'Typical cases',
  'caseStats.casesSuffix': 'cases',
  'caseStats.wanYuan': '10k CNY',
  'caseStats.yoy': 'YoY',
  'caseStats.asOf':
    'Figures up to {date}; year-on-year against the same period last year. Fines and confiscations as decided.',
  'caseStats.procedureSplit': 'General {general} · Summary {summary}',
  'caseStats.byMonth': 'By month (this year and last)',
  'caseStats.byStation': 'By station',
  'caseStats.byArea': 'By violation type (opened)',
  'caseStats.byDepartment': 'By handling department',
  'caseStats.department': 'Department',
  'caseStats.thisYear': '{year}',
  'caseStats.lastYear': '{year}',
  'caseStats.lastYearOpened': 'Opened, same period last year',
};
