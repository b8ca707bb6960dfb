/** Working calendar and deadline tool: text not yet in the main dictionary. */
export const calendarZhCN = {
  'calendar.yearWithSource': '{year}（{source}）',
  'calendar.dateWithWeekday': '{date}（{weekday}）',
  'calendar.listSep': '；',
  'calendar.nameSep': '、',
};
