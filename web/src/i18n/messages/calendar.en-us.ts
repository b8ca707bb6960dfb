import type { calendarZhCN } from './calendar.zh-cn.ts';

export const calendarEnUS: Record<keyof typeof calendarZhCN, string> = {
  'calendar.yearWithSource': '{year} ({source})',
  'calendar.dateWithWeekday': '{date} ({weekday})',
  'calendar.listSep': '; ',
  'calendar.nameSep': ', ',
};
