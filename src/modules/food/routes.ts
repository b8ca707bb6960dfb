import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZEntityFood,
  ZFoodBusiness,
  ZFoodBusinessPatch,
  ZFoodBusinessQuery,
  ZFoodLicence,
  ZFoodLicenceBody,
  ZFoodLicenceQuery,
  ZFoodLicenceStatusBody,
  ZHealthCertificate,
  ZHealthCertificateBody,
  ZHealthCertificateQuery,
} from '../../contracts/food.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { FoodService } from './services/food.ts';

export const foodRoutes: FastifyPluginAsyncZod<{ food: FoodService }> = async (app, { food }) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };

  app.get(
    '/food/licences',
    {
      config: read,
      schema: {
        tags,
        summary: '食品许可/备案/登记列表（可筛选即将到期）',
        querystring: ZFoodLicenceQuery,
        response: { 200: ZPage(ZFoodLicence) },
      },
    },
    async (req) => food.listLicences(actorOf(req), req.query),
  );
  app.post(
    '/food/licences',
    {
      config: write,
      schema: {
        tags,
        summary: '登记食品许可证、备案或小作坊/摊贩登记',
        body: ZFoodLicenceBody,
        response: { 200: ZFoodLicence },
      },
    },
    async (req) => food.createLicence(actorOf(req), req.body),
  );
  app.get(
    '/food/licences/:id',
    { config: read, schema: { tags, summary: '食品许可详情', params: ZIdParams, response: { 200: ZFoodLicence } } },
    async (req) => food.getLicence(actorOf(req), req.params.id),
  );
  app.post(
    '/food/licences/:id/status',
    {
      config: write,
      schema: {
        tags,
        summary: '注销、撤销或恢复许可',
        params: ZIdParams,
        body: ZFoodLicenceStatusBody,
        response: { 200: ZFoodLicence },
      },
    },
    async (req) => food.setLicenceStatus(actorOf(req), req.params.id, req.body.status),
  );

  app.get(
    '/food/health-certificates',
    {
      config: read,
      schema: {
        tags,
        summary: '从业人员健康证列表（可筛选即将到期）',
        querystring: ZHealthCertificateQuery,
        response: { 200: ZPage(ZHealthCertificate) },
      },
    },
    async (req) => food.listCertificates(actorOf(req), req.query),
  );
  app.post(
    '/food/health-certificates',
    {
      config: write,
      schema: {
        tags,
        summary: '登记从业人员健康证',
        body: ZHealthCertificateBody,
        response: { 200: ZHealthCertificate },
      },
    },
    async (req) => food.createCertificate(actorOf(req), req.body),
  );

  app.get(
    '/food/businesses',
    {
      config: read,
      schema: { tags, summary: '食品经营者', querystring: ZFoodBusinessQuery, response: { 200: ZPage(ZFoodBusiness) } },
    },
    async (req) => food.listBusinesses(actorOf(req), req.query),
  );
  app.get(
    '/food/businesses/:id',
    { config: read, schema: { tags, summary: '食品经营者详情', params: ZIdParams, response: { 200: ZFoodBusiness } } },
    async (req) => food.getBusiness(actorOf(req), req.params.id),
  );
  app.patch(
    '/food/businesses/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '指定责任检查员',
        params: ZIdParams,
        body: ZFoodBusinessPatch,
        response: { 200: ZFoodBusiness },
      },
    },
    async (req) => food.setInspector(actorOf(req), req.params.id, req.body.inspectorId),
  );
  app.get(
    '/food/entities/:entityId',
    {
      config: read,
      schema: {
        tags,
        summary: '主体360°：食品安全（许可与健康证）',
        params: z.object({ entityId: ZId }),
        response: { 200: ZEntityFood },
      },
    },
    async (req) => food.entityFood(actorOf(req), req.params.entityId),
  );
};
