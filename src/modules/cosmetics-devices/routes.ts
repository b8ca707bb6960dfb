import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZAdverseEvent,
  ZAdverseEventBody,
  ZAdverseEventQuery,
  ZAdverseTransitionBody,
  ZCdBusiness,
  ZCdBusinessBody,
  ZCdBusinessQuery,
  ZCdInspection,
  ZCdInspectionResultBody,
  ZCdInspectionScheduleBody,
} from '../../contracts/cosmetics-devices.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { CdInspectionService } from './inspections.ts';
import type { CosmeticsDevices } from './service.ts';

/** 两品一械: businesses, their inspections (visit engine) and adverse-event reports (drug:read / drug:write in reach). */
export const cosmeticsDevicesRoutes: FastifyPluginAsyncZod<{
  cd: CosmeticsDevices;
  inspections: CdInspectionService;
}> = async (app, { cd, inspections }) => {
  const tags = ['drugs'];
  const read = { permission: 'drug:read' as const };
  const write = { permission: 'drug:write' as const };
  app.get(
    '/drugs/cd-businesses',
    {
      config: read,
      schema: {
        tags,
        summary: '化妆品、医疗器械经营者（q：名称、许可/备案编号或统一社会信用代码片段）',
        querystring: ZCdBusinessQuery,
        response: { 200: ZPage(ZCdBusiness) },
      },
    },
    (req) => cd.listBusinesses(actorOf(req), req.query),
  );
  app.post(
    '/drugs/cd-businesses',
    {
      config: write,
      schema: {
        tags,
        summary: '登记化妆品/医疗器械经营者（许可或备案编号校验格式）',
        body: ZCdBusinessBody,
        response: { 200: ZCdBusiness },
      },
    },
    (req) => cd.createBusiness(actorOf(req), req.body),
  );
  app.get(
    '/drugs/cd-businesses/:id',
    {
      config: read,
      schema: { tags, summary: '一户两品一械经营者', params: ZIdParams, response: { 200: ZCdBusiness } },
    },
    (req) => cd.getBusiness(actorOf(req), req.params.id),
  );
  app.get(
    '/drugs/cd-businesses/:id/inspections',
    {
      config: read,
      schema: {
        tags,
        summary: '一户两品一械经营者的检查',
        params: ZIdParams,
        response: { 200: z.object({ items: z.array(ZCdInspection) }) },
      },
    },
    async (req) => ({ items: await inspections.list(actorOf(req), req.params.id) }),
  );
  app.post(
    '/drugs/cd-businesses/:id/inspections',
    {
      config: write,
      schema: {
        tags,
        summary: '安排两品一械检查（指定不少于2名检查人员，或由系统从本所选派2名）',
        params: ZIdParams,
        body: ZCdInspectionScheduleBody,
        response: { 200: ZCdInspection },
      },
    },
    (req) => inspections.schedule(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/drugs/cd-inspections/:id/result',
    {
      config: write,
      schema: {
        tags,
        summary: '录入两品一械检查结果（本次检查的执法人员）',
        params: ZIdParams,
        body: ZCdInspectionResultBody,
        response: { 200: ZCdInspection },
      },
    },
    (req) => inspections.record(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/drugs/adverse-events',
    {
      config: read,
      schema: {
        tags,
        summary: '不良反应/不良事件报告',
        querystring: ZAdverseEventQuery,
        response: { 200: ZPage(ZAdverseEvent) },
      },
    },
    (req) => cd.listAdverse(actorOf(req), req.query),
  );
  app.post(
    '/drugs/adverse-events',
    {
      config: write,
      schema: {
        tags,
        summary: '报告不良反应/不良事件（产品注册证/备案编号校验格式）',
        body: ZAdverseEventBody,
        response: { 200: ZAdverseEvent },
      },
    },
    (req) => cd.report(actorOf(req), req.body),
  );
  app.get(
    '/drugs/adverse-events/:id',
    {
      config: read,
      schema: { tags, summary: '一份不良事件报告', params: ZIdParams, response: { 200: ZAdverseEvent } },
    },
    (req) => cd.getAdverse(actorOf(req), req.params.id),
  );
  app.post(
    '/drugs/adverse-events/:id/transition',
    {
      config: write,
      schema: {
        tags,
        summary: '不良事件报告流转（评价、移送、结束、重新评价）',
        params: ZIdParams,
        body: ZAdverseTransitionBody,
        response: { 200: ZAdverseEvent },
      },
    },
    (req) => cd.transition(actorOf(req), req.params.id, req.body),
  );
};
