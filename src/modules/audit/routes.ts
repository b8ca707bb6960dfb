import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditEntry, ZAuditQuery, ZAuditVerify, ZLoginLogEntry, ZLoginLogQuery } from '../../contracts/audit.ts';
import { ZPage } from '../../contracts/common.ts';
import { actorOf } from '../../platform/http.ts';
import type { AuditService } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditService }> = async (app, { audit }) => {
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags, summary: '审计日志', querystring: ZAuditQuery, response: { 200: ZPage(ZAuditEntry) } },
    },
    async (req) => audit.list(actorOf(req), req.query),
  );
  app.get(
    '/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: { tags, summary: '校验审计日志哈希链', response: { 200: ZAuditVerify } },
    },
    async () => audit.verify(),
  );
  app.get(
    '/audit/logins',
    {
      config: { permission: 'audit:login:read' },
      schema: { tags, summary: '登录日志', querystring: ZLoginLogQuery, response: { 200: ZPage(ZLoginLogEntry) } },
    },
    async (req) => audit.loginLog(actorOf(req), req.query),
  );
};
