import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZHonourDraftBody,
  ZHonourEntryParams,
  ZHonourList,
  ZHonourListDetail,
  ZHonourListQuery,
  ZHonourMonthQuery,
  ZHonourMonthStatus,
  ZHonourReasonBody,
  ZHonourStepBody,
} from '../../contracts/food-public.ts';
import { actorOf } from '../../platform/http.ts';
import type { HonourService } from './services/honour.ts';

/** 红黑榜 for staff: drafted by food:write, reviewed, approved and published by the chief (food:approve). */
export const foodHonourRoutes: FastifyPluginAsyncZod<{ honour: HonourService }> = async (app, { honour }) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };
  const detail = { 200: ZHonourListDetail };

  app.get(
    '/food/honour-lists',
    {
      config: read,
      schema: { tags, summary: '红黑榜列表', querystring: ZHonourListQuery, response: { 200: ZPage(ZHonourList) } },
    },
    async (req) => honour.list(actorOf(req), req.query),
  );
  app.get(
    '/food/honour-lists/month-status',
    {
      config: read,
      schema: {
        tags,
        summary: '某月各监管所红黑榜状态（未生成/待审核/已审核/已发布）',
        querystring: ZHonourMonthQuery,
        response: { 200: ZHonourMonthStatus },
      },
    },
    async (req) => honour.monthStatus(actorOf(req), req.query),
  );
  app.get(
    '/food/honour-lists/:id',
    { config: read, schema: { tags, summary: '红黑榜详情（含条目）', params: ZIdParams, response: detail } },
    async (req) => honour.get(actorOf(req), req.params.id),
  );
  app.post(
    '/food/honour-lists',
    {
      config: write,
      schema: { tags, summary: '按规则生成某所某月红黑榜草稿', body: ZHonourDraftBody, response: detail },
    },
    async (req) => honour.draft(actorOf(req), req.body),
  );
  app.post(
    '/food/honour-lists/:id/entries/:entryId/remove',
    {
      config: write,
      schema: {
        tags,
        summary: '所长审核：将一条移出名单（须说明理由）',
        params: ZHonourEntryParams,
        body: ZHonourReasonBody,
        response: detail,
      },
    },
    async (req) => honour.removeEntry(actorOf(req), req.params, req.body),
  );
  for (const action of ['approve', 'publish'] as const) {
    app.post(
      `/food/honour-lists/:id/${action}`,
      {
        config: write,
        schema: {
          tags,
          summary: action === 'approve' ? '所长审核通过红黑榜' : '发布红黑榜（门户与开放数据）',
          params: ZIdParams,
          body: ZHonourStepBody,
          response: detail,
        },
      },
      async (req) => honour[action](actorOf(req), req.params.id, req.body),
    );
  }
  app.post(
    '/food/honour-lists/:id/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: '撤回红黑榜（须说明理由）',
        params: ZIdParams,
        body: ZHonourReasonBody,
        response: detail,
      },
    },
    async (req) => honour.withdraw(actorOf(req), req.params.id, req.body),
  );
};
