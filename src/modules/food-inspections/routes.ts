import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import { ZJobStarted } from '../../contracts/credit.ts';
import {
  ZAnnualRecomputeBody,
  ZFoodGrade,
  ZFoodIncidentBody,
  ZFoodInspection,
  ZFoodInspectionCreate,
  ZFoodInspectionQuery,
  ZFoodInspectionStart,
  ZFoodInspectionSummary,
  ZFoodResultsBody,
  ZFoodSubmitBody,
} from '../../contracts/food-inspections.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { FoodInspectionService } from './services/inspections.ts';

export const foodInspectionRoutes: FastifyPluginAsyncZod<{ inspections: FoodInspectionService }> = async (
  app,
  { inspections: s },
) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };

  app.get(
    '/food/inspections',
    {
      config: read,
      schema: {
        tags,
        summary: '日常监督检查列表（本所：待检查/检查中/已完成）',
        querystring: ZFoodInspectionQuery,
        response: { 200: ZPage(ZFoodInspectionSummary) },
      },
    },
    async (req) => s.list(actorOf(req), req.query),
  );
  app.post(
    '/food/inspections',
    {
      config: write,
      schema: {
        tags,
        summary: '新建一次检查（临时、复查或再评级）',
        body: ZFoodInspectionCreate,
        response: { 201: ZFoodInspection },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(actorOf(req), req.body)),
  );
  app.get(
    '/food/inspections/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '检查详情（要点表、结果、健康证、等级）',
        params: ZIdParams,
        response: { 200: ZFoodInspection },
      },
    },
    async (req) => s.get(actorOf(req), req.params.id),
  );
  app.post(
    '/food/inspections/:id/start',
    {
      config: write,
      schema: {
        tags,
        summary: '开始检查（≥2名执法人员，回避）',
        params: ZIdParams,
        body: ZFoodInspectionStart,
        response: { 200: ZFoodInspection },
      },
    },
    async (req) => s.start(actorOf(req), req.params.id, req.body),
  );
  app.put(
    '/food/inspections/:id/results',
    {
      config: write,
      schema: {
        tags,
        summary: '录入检查项目结果',
        params: ZIdParams,
        body: ZFoodResultsBody,
        response: { 200: ZFoodInspection },
      },
    },
    async (req) => s.recordResults(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/food/inspections/:id/submit',
    {
      config: write,
      schema: {
        tags,
        summary: '提交检查结果（判定、整改、动态等级）',
        params: ZIdParams,
        body: ZFoodSubmitBody,
        response: { 200: ZFoodInspection },
      },
    },
    async (req) => s.submit(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/food/inspections/:id/publish',
    { config: write, schema: { tags, summary: '公示检查结果', params: ZIdParams, response: { 200: ZFoodInspection } } },
    async (req) => s.publish(actorOf(req), req.params.id),
  );
  app.get(
    '/food/businesses/:id/grades',
    {
      config: read,
      schema: { tags, summary: '量化分级历史', params: ZIdParams, response: { 200: z.array(ZFoodGrade) } },
    },
    async (req) => s.grades(actorOf(req), req.params.id),
  );
  app.post(
    '/food/businesses/:id/incidents',
    {
      config: write,
      schema: { tags, summary: '登记食品安全事故（6个月内不予动态评级）', params: ZIdParams, body: ZFoodIncidentBody },
    },
    async (req, reply) => reply.status(201).send(await s.addIncident(actorOf(req), req.params.id, req.body)),
  );
  app.get('/food/checklists', { config: read, schema: { tags, summary: '监督检查要点表版本' } }, async () =>
    s.checklists(),
  );
  app.get(
    '/food/checklists/:id',
    { config: read, schema: { tags, summary: '监督检查要点表', params: ZIdParams } },
    async (req) => s.checklist(req.params.id),
  );
  app.post(
    '/food/grades/annual/recompute',
    {
      config: write,
      schema: {
        tags,
        summary: '全量重算年度等级（后台任务）',
        body: ZAnnualRecomputeBody,
        response: { 202: ZJobStarted },
      },
    },
    async (req, reply) => reply.status(202).send(await s.startAnnualRecompute(actorOf(req), req.body.asOf)),
  );
};
