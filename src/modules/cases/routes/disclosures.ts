import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZDisclosure,
  ZDisclosurePublishBody,
  ZDisclosureQuery,
  ZDisclosureReasonBody,
  ZDisclosureRemoveBody,
  ZTypicalBody,
  ZTypicalResult,
} from '../../../contracts/case-disclosures.ts';
import { ZIdParams, ZPage } from '../../../contracts/common.ts';
import { actorOf } from '../../../platform/http.ts';
import type { DisclosureService } from '../services/disclosures.ts';

/** 行政处罚信息公示 (staff): the register, publishing, withdrawal, early removal; 典型案例 marking. */
export const disclosureRoutes: FastifyPluginAsyncZod<{ disclosures: DisclosureService }> = async (
  app,
  { disclosures },
) => {
  const tags = ['cases'];
  const read = { permission: 'case:read' as const };
  const write = { permission: 'case:write' as const };

  app.get(
    '/case-disclosures',
    {
      config: read,
      schema: {
        tags,
        summary: '行政处罚信息公示台账（可按状态、是否超期筛选）',
        querystring: ZDisclosureQuery,
        response: { 200: ZPage(ZDisclosure) },
      },
    },
    async (req) => disclosures.list(actorOf(req), req.query),
  );
  app.get(
    '/case-disclosures/:id',
    { config: read, schema: { tags, summary: '公示详情', params: ZIdParams, response: { 200: ZDisclosure } } },
    async (req) => disclosures.get(actorOf(req), req.params.id),
  );
  app.post(
    '/case-disclosures/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: '公示（公示期三年，通报批评或较低数额罚款三个月）',
        params: ZIdParams,
        body: ZDisclosurePublishBody,
        response: { 200: ZDisclosure },
      },
    },
    async (req) => disclosures.publish(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/case-disclosures/:id/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: '撤下公示（决定变更、撤销或确认无效）',
        params: ZIdParams,
        body: ZDisclosureReasonBody,
        response: { 200: ZDisclosure },
      },
    },
    async (req) => disclosures.withdraw(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/case-disclosures/:id/remove',
    {
      config: write,
      schema: {
        tags,
        summary: '依申请提前停止公示（核对最短公示期、处罚种类、名录情况）',
        params: ZIdParams,
        body: ZDisclosureRemoveBody,
        response: { 200: ZDisclosure },
      },
    },
    async (req) => disclosures.remove(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/cases/:id/typical',
    {
      config: write,
      schema: {
        tags,
        summary: '标记或取消典型案例',
        params: ZIdParams,
        body: ZTypicalBody,
        response: { 200: ZTypicalResult },
      },
    },
    async (req) => disclosures.setTypical(actorOf(req), req.params.id, req.body.typical),
  );
};
