import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAddWorkingDaysQuery,
  ZAddWorkingDaysResult,
  ZCalendarDayParams,
  ZCalendarOverride,
  ZCalendarStatus,
  ZConfirmYear,
  ZDayInfo,
  ZDayRangeQuery,
} from '../../contracts/calendar.ts';
import { ZOk } from '../../contracts/common.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { CalendarService } from './service.ts';

export const calendarRoutes: FastifyPluginAsyncZod<{ calendar: CalendarService }> = async (app, { calendar }) => {
  const tags = ['calendar'];
  app.get(
    '/calendar/working-days/add',
    {
      schema: {
        tags,
        summary: '按工作日推算期限（起始日不计入）',
        querystring: ZAddWorkingDaysQuery,
        response: { 200: ZAddWorkingDaysResult },
      },
    },
    async (req) => calendar.addWorkingDays(req.query.from, req.query.days),
  );
  app.get(
    '/calendar/days',
    {
      schema: {
        tags,
        summary: '日期区间内每天的工作日属性',
        querystring: ZDayRangeQuery,
        response: { 200: z.array(ZDayInfo) },
      },
    },
    async (req) => calendar.days(req.query.from, req.query.to),
  );
  app.get(
    '/calendar/status',
    { schema: { tags, summary: '已收录年度与提醒', response: { 200: ZCalendarStatus } } },
    async () => calendar.status(),
  );
  app.get(
    '/calendar/overrides',
    {
      config: { permission: 'calendar:read' },
      schema: { tags, summary: '日历调整列表', response: { 200: z.array(ZCalendarOverride) } },
    },
    async () => calendar.listOverrides(),
  );
  app.put(
    '/calendar/overrides/:day',
    {
      config: { permission: 'calendar:write' },
      schema: {
        tags,
        summary: '设置某日为节假日或调休上班日',
        params: ZCalendarDayParams,
        body: ZCalendarOverride.omit({ day: true }),
        response: { 200: ZCalendarOverride },
      },
    },
    async (req) => calendar.setOverride(actorOf(req), { ...req.body, day: req.params.day }),
  );
  app.delete(
    '/calendar/overrides/:day',
    {
      config: { permission: 'calendar:write' },
      schema: { tags, summary: '删除日历调整', params: ZCalendarDayParams, response: { 200: ZOk } },
    },
    async (req) => {
      await calendar.deleteOverride(actorOf(req), req.params.day);
      return { ok: true as const };
    },
  );
  app.post(
    '/calendar/years',
    {
      config: { permission: 'calendar:write' },
      schema: { tags, summary: '确认某年度安排已完整录入', body: ZConfirmYear, response: { 200: ZOk } },
    },
    async (req) => {
      await calendar.confirmYear(actorOf(req), req.body.year, req.body.source);
      return { ok: true as const };
    },
  );
};
