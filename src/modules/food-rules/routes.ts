import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZFoodGradingRulesActivated,
  ZFoodGradingRulesBody,
  ZFoodGradingRulesList,
} from '../../contracts/food-rules.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { FoodRulesService } from './service.ts';

/** 量化分级规则 versions: read with food:read, saved and activated with food:settings. */
export const foodRulesRoutes: FastifyPluginAsyncZod<{ rules: FoodRulesService }> = async (app, { rules }) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const settings = { permission: 'food:settings' as const };

  app.get(
    '/food/grading-rules',
    { config: read, schema: { tags, summary: '量化分级规则各版本', response: { 200: ZFoodGradingRulesList } } },
    async (req) => rules.list(actorOf(req)),
  );
  app.post(
    '/food/grading-rules',
    {
      config: settings,
      schema: {
        tags,
        summary: '保存量化分级规则新版本（未启用）',
        body: ZFoodGradingRulesBody,
        response: { 201: z.object({ version: z.number().int() }) },
      },
    },
    async (req, reply) => reply.code(201).send(await rules.create(actorOf(req), req.body)),
  );
  app.post(
    '/food/grading-rules/:version/activate',
    {
      config: settings,
      schema: {
        tags,
        summary: '启用量化分级规则版本（此后提交的检查按此评定）',
        params: z.object({ version: z.coerce.number().int().positive() }),
        response: { 200: ZFoodGradingRulesActivated },
      },
    },
    async (req) => rules.activate(actorOf(req), req.params.version),
  );
};
