import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZPage } from '../../contracts/common.ts';
import {
  ZKitchenAlert,
  ZKitchenAlertQuery,
  ZKitchenAlertTransitionBody,
  ZKitchenEnrollment,
  ZKitchenEnrollmentBody,
  ZKitchenEnrollmentPatch,
  ZKitchenEnrollmentQuery,
  ZKitchenRotateBody,
  ZKitchenStats,
  ZKitchenVendor,
  ZKitchenVendorBody,
  ZKitchenVendorWithSecret,
} from '../../contracts/food-kitchen.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import { sendStoredFile } from '../files/routes.ts';
import type { KitchenAlerts } from './services/alerts.ts';
import type { KitchenEnrollments } from './services/enrollments.ts';
import type { KitchenVendors } from './services/vendors.ts';

/** 明厨亮灶 for staff: vendors (food:settings), enrollments and alerts (food:read / food:write in reach). */
export const kitchenRoutes: FastifyPluginAsyncZod<{
  vendors: KitchenVendors;
  enrollments: KitchenEnrollments;
  alerts: KitchenAlerts;
}> = async (app, { vendors, enrollments, alerts }) => {
  const tags = ['food'];
  const read = { permission: 'food:read' as const };
  const write = { permission: 'food:write' as const };
  const settings = { permission: 'food:settings' as const };

  app.get(
    '/food/kitchen/vendors',
    { config: read, schema: { tags, summary: '明厨亮灶平台', response: { 200: z.array(ZKitchenVendor) } } },
    async (req) => vendors.list(actorOf(req)),
  );
  app.post(
    '/food/kitchen/vendors',
    {
      config: settings,
      schema: {
        tags,
        summary: '登记明厨亮灶平台（返回签名密钥，仅此一次）',
        body: ZKitchenVendorBody,
        response: { 200: ZKitchenVendorWithSecret },
      },
    },
    async (req) => vendors.create(actorOf(req), req.body),
  );
  app.post(
    '/food/kitchen/vendors/:id/rotate-secret',
    {
      config: settings,
      schema: {
        tags,
        summary: '轮换平台签名密钥（旧密钥在宽限期内仍有效；新密钥仅返回一次）',
        params: ZIdParams,
        body: ZKitchenRotateBody,
        response: { 200: ZKitchenVendorWithSecret },
      },
    },
    async (req) => vendors.rotate(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/food/kitchen/enrollments',
    {
      config: read,
      schema: {
        tags,
        summary: '明厨亮灶接入经营者',
        querystring: ZKitchenEnrollmentQuery,
        response: { 200: ZPage(ZKitchenEnrollment) },
      },
    },
    async (req) => enrollments.list(actorOf(req), req.query),
  );
  app.post(
    '/food/kitchen/enrollments',
    {
      config: write,
      schema: {
        tags,
        summary: '接入明厨亮灶（摄像头与覆盖区域）',
        body: ZKitchenEnrollmentBody,
        response: { 200: ZKitchenEnrollment },
      },
    },
    async (req) => enrollments.enroll(actorOf(req), req.body),
  );
  app.get(
    '/food/kitchen/enrollments/:id',
    {
      config: read,
      schema: { tags, summary: '明厨亮灶接入详情', params: ZIdParams, response: { 200: ZKitchenEnrollment } },
    },
    async (req) => enrollments.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/food/kitchen/enrollments/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改摄像头或退出明厨亮灶',
        params: ZIdParams,
        body: ZKitchenEnrollmentPatch,
        response: { 200: ZKitchenEnrollment },
      },
    },
    async (req) => enrollments.update(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/food/kitchen/alerts',
    {
      config: read,
      schema: {
        tags,
        summary: '明厨亮灶告警',
        querystring: ZKitchenAlertQuery,
        response: { 200: ZPage(ZKitchenAlert) },
      },
    },
    async (req) => alerts.list(actorOf(req), req.query),
  );
  app.get(
    '/food/kitchen/alerts/:id',
    {
      config: read,
      schema: { tags, summary: '明厨亮灶告警详情', params: ZIdParams, response: { 200: ZKitchenAlert } },
    },
    async (req) => alerts.get(actorOf(req), req.params.id),
  );
  app.post(
    '/food/kitchen/alerts/:id/transition',
    {
      config: write,
      schema: {
        tags,
        summary: '处置、忽略或重新打开告警（须填写说明）',
        params: ZIdParams,
        body: ZKitchenAlertTransitionBody,
        response: { 200: ZKitchenAlert },
      },
    },
    async (req) => alerts.transition(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/food/kitchen/alerts/:id/snapshot',
    { config: read, schema: { tags, summary: '告警抓拍图片', params: ZIdParams } },
    async (req, reply) => {
      const { file, data } = await alerts.snapshot(actorOf(req), req.params.id);
      return sendStoredFile(reply, file, data);
    },
  );
  app.get(
    '/food/kitchen/stats',
    { config: read, schema: { tags, summary: '明厨亮灶接入率与告警（按所）', response: { 200: ZKitchenStats } } },
    async (req) => alerts.stats(actorOf(req)),
  );
};
