import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZEntityCreate,
  ZEntityDetail,
  ZEntityLifecycle,
  ZEntityListQuery,
  ZEntityPage,
  ZEntityUpdate,
} from '../../contracts/entities.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { EntityService } from './service.ts';

export const entityRoutes: FastifyPluginAsyncZod<{ entities: EntityService }> = async (app, { entities }) => {
  const tags = ['entities'];
  app.get(
    '/entities',
    {
      config: { permission: 'entity:read' },
      schema: {
        tags,
        summary: '市场主体列表（筛选、中文检索、键集分页）',
        querystring: ZEntityListQuery,
        response: { 200: ZEntityPage },
      },
    },
    async (req) => entities.list(actorOf(req), req.query),
  );
  app.get(
    '/entities/:id',
    {
      config: { permission: 'entity:read' },
      schema: {
        tags,
        summary: '市场主体详情（含许可与变更历史）',
        params: ZIdParams,
        response: { 200: ZEntityDetail },
      },
    },
    async (req) => entities.get(actorOf(req), req.params.id),
  );
  app.get(
    '/entities/:id/legal-rep-id',
    {
      config: { permission: 'entity:write' },
      schema: {
        tags,
        summary: '查看完整证件号码（留痕）',
        params: ZIdParams,
        response: { 200: z.object({ legalRepIdNumber: z.string().nullable() }) },
      },
    },
    async (req) => entities.revealLegalRepId(actorOf(req), req.params.id),
  );
  app.post(
    '/entities',
    {
      config: { permission: 'entity:write' },
      schema: { tags, summary: '设立登记', body: ZEntityCreate, response: { 201: ZEntityDetail } },
    },
    async (req, reply) => reply.status(201).send(await entities.create(actorOf(req), req.body)),
  );
  app.patch(
    '/entities/:id',
    {
      config: { permission: 'entity:write' },
      schema: {
        tags,
        summary: '变更登记（乐观锁 version）',
        params: ZIdParams,
        body: ZEntityUpdate,
        response: { 200: ZEntityDetail },
      },
    },
    async (req) => entities.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/entities/:id/lifecycle',
    {
      config: { permission: 'entity:write' },
      schema: {
        tags,
        summary: '注销、迁出、迁入、停业、恢复营业、吊销',
        params: ZIdParams,
        body: ZEntityLifecycle,
        response: { 200: ZEntityDetail },
      },
    },
    async (req) => entities.lifecycle(actorOf(req), req.params.id, req.body),
  );
};
