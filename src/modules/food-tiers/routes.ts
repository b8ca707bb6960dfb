import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZFoodModelBody,
  ZFoodModels,
  ZFoodTierCounts,
  ZFoodTierDetail,
  ZFoodTierQuery,
  ZFoodTierRow,
  ZFoodTierSummaryQuery,
  ZHigherInspectionBody,
  ZHigherInspectionResult,
  ZPlanCalendar,
  ZPlanCalendarQuery,
  ZPlanDayQuery,
  ZPlanGenerateBody,
  ZPlannedInspection,
  ZPlanResult,
  ZPlanSummary,
  ZPlanSummaryQuery,
  ZRecomputeResult,
} from '../../contracts/food-tiers.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { FoodPlanService } from './services/plan.ts';
import type { FoodTierService } from './services/tiers.ts';

export const foodTierRoutes: FastifyPluginAsyncZod<{ tiers: FoodTierService; plan: FoodPlanService }> = async (
  app,
  { tiers, plan },
) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };
  /** A model version is configuration for the whole district, like the 量化分级规则 (src/modules/food-rules). */
  const settings = { permission: 'food:settings' as const };

  app.get(
    '/food/tiers',
    {
      config: read,
      schema: {
        tags,
        summary: '食品经营者风险分级列表',
        querystring: ZFoodTierQuery,
        response: { 200: ZPage(ZFoodTierRow) },
      },
    },
    async (req) => tiers.list(actorOf(req), req.query),
  );
  app.get(
    '/food/tiers/counts',
    {
      config: read,
      schema: {
        tags,
        summary: '各风险等级户数',
        querystring: ZFoodTierSummaryQuery,
        response: { 200: ZFoodTierCounts },
      },
    },
    async (req) => tiers.counts(actorOf(req), req.query),
  );
  app.get(
    '/food/tiers/businesses/:id',
    {
      config: read,
      schema: {
        tags,
        summary: '经营者的风险等级、因素得分与变化记录',
        params: ZIdParams,
        response: { 200: ZFoodTierDetail },
      },
    },
    async (req) => tiers.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/food/tiers/recompute',
    { config: write, schema: { tags, summary: '按现行模型重新分级（全区）', response: { 200: ZRecomputeResult } } },
    async (req) => tiers.recompute(actorOf(req)),
  );
  app.get(
    '/food/tiers/models',
    { config: read, schema: { tags, summary: '风险分级模型各版本', response: { 200: ZFoodModels } } },
    async (req) => tiers.models(actorOf(req)),
  );
  app.post(
    '/food/tiers/models',
    {
      config: settings,
      schema: {
        tags,
        summary: '保存分级模型新版本（未启用）',
        body: ZFoodModelBody,
        response: { 200: z.object({ version: z.number().int() }) },
      },
    },
    async (req) => tiers.createModel(actorOf(req), req.body),
  );
  app.post(
    '/food/tiers/models/:version/activate',
    {
      config: settings,
      schema: {
        tags,
        summary: '启用分级模型版本并重新分级',
        params: z.object({ version: z.coerce.number().int().positive() }),
        response: { 200: ZRecomputeResult },
      },
    },
    async (req) => tiers.activate(actorOf(req), req.params.version),
  );

  app.post(
    '/food/plan/generate',
    {
      config: write,
      schema: { tags, summary: '生成所站年度日常检查计划', body: ZPlanGenerateBody, response: { 200: ZPlanResult } },
    },
    async (req) => plan.generate(actorOf(req), req.body),
  );
  app.get(
    '/food/plan/summary',
    {
      config: read,
      schema: {
        tags,
        summary: '年度计划按等级、月份汇总',
        querystring: ZPlanSummaryQuery,
        response: { 200: ZPlanSummary },
      },
    },
    async (req) => plan.summary(actorOf(req), req.query),
  );
  app.get(
    '/food/plan/calendar',
    {
      config: read,
      schema: {
        tags,
        summary: '年度计划月历（每日户数）',
        querystring: ZPlanCalendarQuery,
        response: { 200: ZPlanCalendar },
      },
    },
    async (req) => plan.calendar(actorOf(req), req.query),
  );
  app.get(
    '/food/plan/day',
    {
      config: read,
      schema: {
        tags,
        summary: '某日计划检查的经营者',
        querystring: ZPlanDayQuery,
        response: { 200: z.object({ items: z.array(ZPlannedInspection) }) },
      },
    },
    async (req) => ({ items: await plan.day(actorOf(req), req.query) }),
  );
  app.post(
    '/food/higher-inspections',
    {
      config: write,
      schema: {
        tags,
        summary: '登记上级（市、省、国家）检查；三个月内的日常检查计划顺延（第四十二条）',
        body: ZHigherInspectionBody,
        response: { 200: ZHigherInspectionResult },
      },
    },
    async (req) => plan.recordHigher(actorOf(req), req.body),
  );
};
