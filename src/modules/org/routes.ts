import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk, ZPage } from '../../contracts/common.ts';
import {
  ZOrgUnit,
  ZOrgUnitCreate,
  ZOrgUnitUpdate,
  ZResetPassword,
  ZRole,
  ZRoleCreate,
  ZRoleUpdate,
  ZUser,
  ZUserCreate,
  ZUserListQuery,
  ZUserUpdate,
} from '../../contracts/org.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { OrgService } from './service.ts';

export const orgRoutes: FastifyPluginAsyncZod<{ org: OrgService }> = async (app, { org }) => {
  const tags = ['org'];
  app.get(
    '/org/units',
    {
      config: { permission: 'org:unit:read' },
      schema: { tags, summary: '组织机构列表（树）', response: { 200: z.array(ZOrgUnit) } },
    },
    async () => org.listUnits(),
  );
  app.post(
    '/org/units',
    {
      config: { permission: 'org:unit:write' },
      schema: { tags, summary: '新增单位', body: ZOrgUnitCreate, response: { 201: ZOrgUnit } },
    },
    async (req, reply) => reply.status(201).send(await org.createUnit(actorOf(req), req.body)),
  );
  app.patch(
    '/org/units/:id',
    {
      config: { permission: 'org:unit:write' },
      schema: { tags, summary: '修改单位', params: ZIdParams, body: ZOrgUnitUpdate, response: { 200: ZOrgUnit } },
    },
    async (req) => org.updateUnit(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/org/roles',
    {
      config: { permission: 'org:role:read' },
      schema: { tags, summary: '角色列表', response: { 200: z.array(ZRole) } },
    },
    async () => org.listRoles(),
  );
  app.post(
    '/org/roles',
    {
      config: { permission: 'org:role:write' },
      schema: { tags, summary: '新增角色', body: ZRoleCreate, response: { 201: ZRole } },
    },
    async (req, reply) => reply.status(201).send(await org.createRole(actorOf(req), req.body)),
  );
  app.patch(
    '/org/roles/:id',
    {
      config: { permission: 'org:role:write' },
      schema: { tags, summary: '修改角色', params: ZIdParams, body: ZRoleUpdate, response: { 200: ZRole } },
    },
    async (req) => org.updateRole(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/org/users',
    {
      config: { permission: 'org:user:read' },
      schema: { tags, summary: '用户列表（按数据范围）', querystring: ZUserListQuery, response: { 200: ZPage(ZUser) } },
    },
    async (req) => org.listUsers(actorOf(req), req.query),
  );
  app.get(
    '/org/users/:id',
    {
      config: { permission: 'org:user:read' },
      schema: { tags, summary: '用户详情', params: ZIdParams, response: { 200: ZUser } },
    },
    async (req) => org.getUser(actorOf(req), req.params.id),
  );
  app.post(
    '/org/users',
    {
      config: { permission: 'org:user:write' },
      schema: { tags, summary: '新增用户', body: ZUserCreate, response: { 201: ZUser } },
    },
    async (req, reply) => reply.status(201).send(await org.createUser(actorOf(req), req.body)),
  );
  app.patch(
    '/org/users/:id',
    {
      config: { permission: 'org:user:write' },
      schema: { tags, summary: '修改用户', params: ZIdParams, body: ZUserUpdate, response: { 200: ZUser } },
    },
    async (req) => org.updateUser(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/org/users/:id/reset-password',
    {
      config: { permission: 'org:user:write' },
      schema: { tags, summary: '重置密码', params: ZIdParams, body: ZResetPassword, response: { 200: ZOk } },
    },
    async (req) => {
      await org.resetPassword(actorOf(req), req.params.id, req.body.password);
      return { ok: true as const };
    },
  );
  app.post(
    '/org/users/:id/unlock',
    {
      config: { permission: 'org:user:write' },
      schema: { tags, summary: '解除锁定', params: ZIdParams, response: { 200: ZOk } },
    },
    async (req) => {
      await org.unlockUser(actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
};
