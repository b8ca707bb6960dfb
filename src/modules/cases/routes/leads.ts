import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCaseOfficer,
  ZCaseOfficerQuery,
  ZCaseProposal,
  ZCaseProposalBody,
  ZCaseSettingsUpdate,
  ZCaseSettingsView,
  ZLead,
  ZLeadCreateBody,
  ZLeadDetail,
  ZLeadProposalBody,
  ZLeadQuery,
  ZLeadTransitionBody,
  ZViolationType,
  ZViolationTypeQuery,
} from '../../../contracts/case-leads.ts';
import { ZIdParams, ZPage } from '../../../contracts/common.ts';
import { z } from '../../../contracts/zod.ts';
import { actorOf } from '../../../platform/http.ts';
import type { LeadService } from '../services/leads.ts';
import type { ProposalService } from '../services/proposals.ts';
import type { CaseReferenceService } from '../services/reference.ts';
import type { CaseSettingsService } from '../services/settings.ts';

export interface CaseLeadRouteDeps {
  leads: LeadService;
  proposals: ProposalService;
  reference: CaseReferenceService;
  settings: CaseSettingsService;
}

/** 案件线索, 提请立案, the 违法行为 dictionary, the officer picker and the case settings. */
export const caseLeadRoutes: FastifyPluginAsyncZod<CaseLeadRouteDeps> = async (app, deps) => {
  const tags = ['cases'];
  const read = { permission: 'case:read' as const };
  const write = { permission: 'case:write' as const };
  const { leads, proposals, reference, settings } = deps;

  app.get(
    '/case-leads',
    {
      config: read,
      schema: { tags, summary: '案件线索列表（核查期限）', querystring: ZLeadQuery, response: { 200: ZPage(ZLead) } },
    },
    async (req) => leads.list(actorOf(req), req.query),
  );
  app.post(
    '/case-leads',
    {
      config: write,
      schema: { tags, summary: '登记案件线索', body: ZLeadCreateBody, response: { 201: ZLeadDetail } },
    },
    async (req, reply) => reply.status(201).send(await leads.create(actorOf(req), req.body)),
  );
  app.get(
    '/case-leads/:id',
    {
      config: read,
      schema: { tags, summary: '案件线索详情（来源、期限、审批）', params: ZIdParams, response: { 200: ZLeadDetail } },
    },
    async (req) => leads.get(actorOf(req), req.params.id),
  );
  app.post(
    '/case-leads/:id/transitions',
    {
      config: write,
      schema: {
        tags,
        summary: '线索办理：延期、中止/恢复计算、不予立案、并案',
        params: ZIdParams,
        body: ZLeadTransitionBody,
        response: { 200: ZLeadDetail },
      },
    },
    async (req) => leads.transition(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/case-leads/:id/case',
    {
      config: write,
      schema: {
        tags,
        summary: '由线索提请立案（生成待立案案件）',
        params: ZIdParams,
        body: ZLeadProposalBody,
        response: { 201: ZCaseProposal },
      },
    },
    async (req, reply) => {
      const { version, ...body } = req.body;
      const created = await proposals.propose(actorOf(req), body, { leadId: req.params.id, version });
      return reply.status(201).send(created);
    },
  );
  app.post(
    '/cases',
    {
      config: write,
      schema: { tags, summary: '提请立案（执法人员发现）', body: ZCaseProposalBody, response: { 201: ZCaseProposal } },
    },
    async (req, reply) => reply.status(201).send(await proposals.propose(actorOf(req), req.body)),
  );
  app.get(
    '/case-violation-types',
    {
      config: read,
      schema: {
        tags,
        summary: '违法行为目录（法律依据、处罚依据）',
        querystring: ZViolationTypeQuery,
        response: { 200: z.object({ items: z.array(ZViolationType) }) },
      },
    },
    async (req) => ({ items: await reference.violationTypes(req.query) }),
  );
  app.get(
    '/case-officers',
    {
      config: read,
      schema: {
        tags,
        summary: '可担任承办人的执法人员（执法证在有效期内）',
        querystring: ZCaseOfficerQuery,
        response: { 200: z.object({ items: z.array(ZCaseOfficer) }) },
      },
    },
    async (req) => ({ items: await reference.officers(req.query) }),
  );
  app.get(
    '/case-settings',
    { config: read, schema: { tags, summary: '办案设置', response: { 200: ZCaseSettingsView } } },
    async () => settings.view(),
  );
  app.put(
    '/case-settings',
    {
      config: { permission: 'case:settings' as const },
      schema: { tags, summary: '修改办案设置', body: ZCaseSettingsUpdate, response: { 200: ZCaseSettingsView } },
    },
    async (req) => settings.update(actorOf(req), req.body),
  );
};
