import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCaseDetail,
  ZCaseExportQuery,
  ZCaseListItem,
  ZCaseQuery,
  ZSummaryFilingCounts,
  ZTransitionBody,
} from '../../../contracts/cases.ts';
import { ZIdParams, ZPage } from '../../../contracts/common.ts';
import { download, XLSX_TYPE } from '../../../platform/download.ts';
import { actorOf } from '../../../platform/http.ts';
import type { CaseWorkflow } from '../services/case-workflow.ts';
import type { CaseQueries } from '../services/cases.ts';

/** 案件: the list, the detail with its timeline, and the one transition endpoint. */
export const caseRoutes: FastifyPluginAsyncZod<{ cases: CaseQueries; workflow: CaseWorkflow }> = async (
  app,
  { cases, workflow },
) => {
  const tags = ['cases'];
  app.get(
    '/cases',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: '案件列表（按阶段、所、本人承办、超期、当事人/案号）',
        querystring: ZCaseQuery,
        response: { 200: ZPage(ZCaseListItem) },
      },
    },
    async (req) => cases.list(actorOf(req), req.query),
  );
  app.get(
    '/cases/export',
    {
      config: { permission: 'case:read' },
      schema: { tags, summary: '导出案件列表 Excel（与列表相同的筛选条件与数据范围）', querystring: ZCaseExportQuery },
    },
    async (req, reply) => {
      const file = await cases.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.get(
    '/cases/summary-filings',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: '简易程序备案：未备案及逾期未备案的件数',
        response: { 200: ZSummaryFilingCounts },
      },
    },
    async (req) => cases.summaryFilingCounts(actorOf(req)),
  );
  app.get(
    '/cases/:id',
    {
      config: { permission: 'case:read' },
      schema: {
        tags,
        summary: '案件详情：承办人、违法行为、处罚、流程、审批、期限、可办理操作',
        params: ZIdParams,
        response: { 200: ZCaseDetail },
      },
    },
    async (req) => cases.detail(actorOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/transitions',
    {
      config: { permission: 'case:write' },
      schema: {
        tags,
        summary: '办理一步（须审批的提交审批）',
        params: ZIdParams,
        body: ZTransitionBody,
        response: { 200: ZCaseDetail },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await workflow.transition(actor, req.params.id, req.body);
      return cases.detail(actor, req.params.id);
    },
  );
};
