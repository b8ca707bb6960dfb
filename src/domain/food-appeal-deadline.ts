import { addDays } from './food-appeals.ts';
import { addWorkingDays, type WorkingDayCalendar } from './working-days.ts';

/**
 * The last day to appeal a grade given on `gradedOn`: `days` calendar days later (the grade's own day not
 * counted); if that day is a rest day or holiday, the next working day (期间届满的最后一日是法定节假日的，以节假日后的
 * 第一日为期间届满的日期, as 行政处罚法/民事诉讼法 count periods).
 */
export function appealDeadline(cal: WorkingDayCalendar, gradedOn: string, days: number): string {
  return addWorkingDays(cal, addDays(gradedOn, days), 0).date;
}
