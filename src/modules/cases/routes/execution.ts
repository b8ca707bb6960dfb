import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  type TExecution,
  ZEnforcementBody,
  ZEvidence,
  ZEvidenceBody,
  ZEvidenceList,
  ZEvidenceParams,
  ZExecution,
  ZInstalmentBody,
  ZMeasure,
  ZMeasureBody,
  ZMeasureExtendBody,
  ZMeasureList,
  ZMeasureReleaseBody,
  ZOpenMeasureList,
  ZOpenMeasureQuery,
  ZPaymentBody,
} from '../../../contracts/case-execution.ts';
import { ZIdParams } from '../../../contracts/common.ts';
import { ZStoredFile } from '../../../contracts/files.ts';
import type { z } from '../../../contracts/zod.ts';
import type { Actor } from '../../../platform/actor.ts';
import { actorOf } from '../../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../../platform/uploads.ts';
import { sendStoredFile } from '../../files/routes.ts';
import type { CaseExec } from '../exec-service.ts';

/** 证据, 强制措施, 执行 of a case: /cases/:id/evidence, /cases/:id/measures, /case-measures/:id, /cases/:id/execution. */
export const caseExecRoutes: FastifyPluginAsyncZod<{ exec: CaseExec }> = async (app, { exec }) => {
  const tags = ['cases'];
  const read = { permission: 'case:read' as const };
  const write = { permission: 'case:write' as const };
  const { evidence, measures, execution } = exec;
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/cases/:id/evidence',
    { config: read, schema: { tags, summary: '案件证据', params: ZIdParams, response: { 200: ZEvidenceList } } },
    (req) => evidence.list(actorOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/evidence/files',
    {
      config: write,
      schema: {
        tags,
        summary: '上传证据材料（multipart：file；照片、PDF 等），再以 fileId 登记证据',
        params: ZIdParams,
        response: { 201: ZStoredFile },
      },
    },
    async (req, reply) => {
      // Read only once the service has checked the caller may add evidence to this case.
      const file = async () => (await receiveUpload(req, evidence.maxUploadBytes, attachmentTooLarge)).file;
      return reply.status(201).send(await evidence.upload(actorOf(req), req.params.id, file));
    },
  );
  app.post(
    '/cases/:id/evidence',
    {
      config: write,
      schema: { tags, summary: '登记证据', params: ZIdParams, body: ZEvidenceBody, response: { 201: ZEvidence } },
    },
    async (req, reply) => reply.status(201).send(await evidence.record(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/cases/:id/evidence/:evidenceId/file',
    { config: read, schema: { tags, summary: '查看证据附件（含 SHA-256）', params: ZEvidenceParams } },
    async (req, reply) => {
      const { file, data } = await evidence.file(actorOf(req), req.params.id, req.params.evidenceId);
      return sendStoredFile(reply, file, data);
    },
  );

  app.get(
    '/cases/:id/measures',
    { config: read, schema: { tags, summary: '行政强制措施', params: ZIdParams, response: { 200: ZMeasureList } } },
    (req) => measures.list(actorOf(req), req.params.id),
  );
  app.post(
    '/cases/:id/measures',
    {
      config: write,
      schema: {
        tags,
        summary: '采取先行登记保存或查封、扣押',
        params: ZIdParams,
        body: ZMeasureBody,
        response: { 201: ZMeasure },
      },
    },
    async (req, reply) => reply.status(201).send(await measures.take(actorOf(req), req.params.id, req.body)),
  );
  app.get(
    '/case-measures',
    {
      config: read,
      schema: {
        tags,
        summary: '在执行的强制措施（按到期日；overdue=true 仅逾期未处理的）',
        querystring: ZOpenMeasureQuery,
        response: { 200: ZOpenMeasureList },
      },
    },
    (req) => measures.open(actorOf(req), req.query),
  );
  app.post(
    '/case-measures/:id/extend',
    {
      config: write,
      schema: {
        tags,
        summary: '延长查封、扣押期限（一次，30 日）',
        params: ZIdParams,
        body: ZMeasureExtendBody,
        response: { 200: ZMeasure },
      },
    },
    (req) => measures.extend(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/case-measures/:id/release',
    {
      config: write,
      schema: {
        tags,
        summary: '解除或处理强制措施',
        params: ZIdParams,
        body: ZMeasureReleaseBody,
        response: { 200: ZMeasure },
      },
    },
    (req) => measures.release(actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/cases/:id/execution',
    {
      config: read,
      schema: {
        tags,
        summary: '执行情况：应缴、已缴、加处罚款、期限、分期',
        params: ZIdParams,
        response: { 200: ZExecution },
      },
    },
    (req) => execution.get(actorOf(req), req.params.id),
  );
  /** The execution steps: each a case transition behind its own endpoint, answering the execution summary. */
  function executionStep<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (actor: Actor, id: number, body: z.output<B>) => Promise<TExecution>,
  ) {
    app.post(
      `/cases/:id/${path}`,
      { config: write, schema: { tags, summary, params: ZIdParams, body, response: { 200: ZExecution } } },
      (req) => run(actorOf(req), req.params.id, req.body as z.output<B>),
    );
  }
  executionStep('payments', '登记缴款', ZPaymentBody, execution.recordPayment);
  executionStep('instalments', '提请批准分期（延期）缴纳罚款', ZInstalmentBody, execution.requestInstalment);
  executionStep('enforcement', '申请人民法院强制执行（缴款逾期后）', ZEnforcementBody, execution.applyEnforcement);
};
