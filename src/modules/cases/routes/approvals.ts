import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZApproval, ZApprovalDecisionBody, ZApprovalInboxItem, ZApprovalQuery } from '../../../contracts/cases.ts';
import { ZIdParams } from '../../../contracts/common.ts';
import { z } from '../../../contracts/zod.ts';
import { actorOf } from '../../../platform/http.ts';
import type { ApprovalEngine } from '../services/approvals.ts';
import { toApproval } from '../view.ts';

/** 审批: the caller's inbox and one approver's answer (approve or return with a comment). */
export const caseApprovalRoutes: FastifyPluginAsyncZod<{ approvals: ApprovalEngine }> = async (app, { approvals }) => {
  const tags = ['cases'];
  app.get(
    '/case-approvals',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: '我的待审批事项（按本人角色和数据范围）',
        querystring: ZApprovalQuery,
        response: { 200: z.object({ items: z.array(ZApprovalInboxItem) }) },
      },
    },
    async (req) => ({ items: (await approvals.inbox(actorOf(req))).map(toApproval) }),
  );
  app.post(
    '/case-approvals/:id/decision',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: '审批：同意或退回（附意见）',
        params: ZIdParams,
        body: ZApprovalDecisionBody,
        response: { 200: ZApproval },
      },
    },
    async (req) => toApproval(await approvals.decide(actorOf(req), req.params.id, req.body)),
  );
};
