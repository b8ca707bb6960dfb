import {
  type TCalendarOverride,
  ZAddWorkingDaysResult,
  ZCalendarOverride,
  ZCalendarStatus,
  ZDayInfo,
} from '../../../src/contracts/calendar.ts';
import { ZOk } from '../../../src/contracts/common.ts';
import { request } from './client.ts';

const ZDayList = ZDayInfo.array();
const ZOverrideList = ZCalendarOverride.array();

export const calendarApi = {
  status: () => request('/calendar/status', { schema: ZCalendarStatus }),
  days: (from: string, to: string) => request('/calendar/days', { query: { from, to }, schema: ZDayList }),
  addWorkingDays: (from: string, days: number) =>
    request('/calendar/working-days/add', { query: { from, days }, schema: ZAddWorkingDaysResult }),
  listOverrides: () => request('/calendar/overrides', { schema: ZOverrideList }),
  setOverride: ({ day, ...body }: TCalendarOverride) =>
    request(`/calendar/overrides/${encodeURIComponent(day)}`, { method: 'PUT', body, schema: ZCalendarOverride }),
  deleteOverride: (day: string) =>
    request(`/calendar/overrides/${encodeURIComponent(day)}`, { method: 'DELETE', schema: ZOk }),
  confirmYear: (year: number, source: string) =>
    request('/calendar/years', { method: 'POST', body: { year, source }, schema: ZOk }),
};
