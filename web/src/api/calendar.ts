import {
  type TCalendarOverride,
  ZAddWorkingDaysResult,
  ZCalendarOverride,
  ZCalendarStatus,
  ZDayInfo,
} from '../../../src/contracts/calendar.ts';
import { ZOk } from '../../../src/contracts/common.ts';
import { type CallOptions, request } from './client.ts';

const ZDayList = ZDayInfo.array();
const ZOverrideList = ZCalendarOverride.array();

export const calendarApi = {
  status: (opts?: CallOptions) => request('/calendar/status', { schema: ZCalendarStatus, signal: opts?.signal }),
  days: (from: string, to: string, opts?: CallOptions) =>
    request('/calendar/days', { query: { from, to }, schema: ZDayList, signal: opts?.signal }),
  addWorkingDays: (from: string, days: number) =>
    request('/calendar/working-days/add', { query: { from, days }, schema: ZAddWorkingDaysResult }),
  listOverrides: (opts?: CallOptions) =>
    request('/calendar/overrides', { schema: ZOverrideList, signal: opts?.signal }),
  setOverride: ({ day, ...body }: TCalendarOverride) =>
    request(`/calendar/overrides/${encodeURIComponent(day)}`, { method: 'PUT', body, schema: ZCalendarOverride }),
  deleteOverride: (day: string) =>
    request(`/calendar/overrides/${encodeURIComponent(day)}`, { method: 'DELETE', schema: ZOk }),
  confirmYear: (year: number, source: string) =>
    request('/calendar/years', { method: 'POST', body: { year, source }, schema: ZOk }),
};
