import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZAcceptBody,
  ZDirective,
  ZDirectiveDocQuery,
  ZDirectiveIssueBody,
  ZDirectiveListQuery,
  ZDirectivePage,
  ZHazard,
  ZHazardExportQuery,
  ZHazardGrade,
  ZHazardGradeBody,
  ZHazardInspectionBody,
  ZInspectionResult,
  ZRectifyBody,
  ZReturnBody,
} from '../../contracts/equipment-hazards.ts';
import {
  ZSupervision,
  ZSupervisionComplete,
  ZSupervisionCreate,
  ZSupervisionHazards,
  ZSupervisionPage,
  ZSupervisionQuery,
  ZSupervisionStart,
} from '../../contracts/equipment-supervisions.ts';
import { z } from '../../contracts/zod.ts';
import { attachment, download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import { sendStoredFile } from '../files/routes.ts';
import type { DirectiveService } from './services/directives.ts';
import type { createDirectiveDocument } from './services/document.ts';
import type { EvidenceFiles } from './services/evidence.ts';
import type { createHazardExport } from './services/export.ts';
import type { HazardService } from './services/hazards.ts';
import type { SupervisionService } from './services/supervisions.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 特种设备隐患 → 安全监察指令书 → 整改 → 验收 (issue 14 point 3). */
export const equipmentHazardRoutes: FastifyPluginAsyncZod<{
  hazards: HazardService;
  directives: DirectiveService;
  document: ReturnType<typeof createDirectiveDocument>;
  evidence: EvidenceFiles;
  exporter: ReturnType<typeof createHazardExport>;
  supervisions: SupervisionService;
}> = async (app, { hazards, directives, document, evidence, exporter, supervisions }) => {
  const tags = ['equipment'];
  const read = { permission: 'equipment:read' as const };
  const write = { permission: 'equipment:write' as const };
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/equipment/hazard-grades',
    { config: read, schema: { tags, summary: '隐患等级', response: { 200: z.array(ZHazardGrade) } } },
    () => hazards.grades(),
  );
  app.put(
    '/equipment/hazard-grades',
    {
      config: { permission: 'equipment:settings' as const },
      schema: { tags, summary: '新增或修改隐患等级', body: ZHazardGradeBody, response: { 200: z.array(ZHazardGrade) } },
    },
    (req) => hazards.saveGrade(actorOf(req), req.body),
  );
  app.post(
    '/equipment/hazard-inspections',
    {
      config: write,
      schema: {
        tags,
        summary: '登记监督检查发现的隐患（超期未检或检验不合格仍在使用的设备生成案源）',
        body: ZHazardInspectionBody,
        response: { 200: ZInspectionResult },
      },
    },
    (req) => hazards.recordInspection(actorOf(req), req.body),
  );
  app.get(
    '/equipment/hazards',
    {
      config: read,
      schema: {
        tags,
        summary: '一台设备的隐患',
        querystring: z.object({ equipmentId: z.coerce.number().int().positive() }),
        response: { 200: z.array(ZHazard) },
      },
    },
    (req) => hazards.ofEquipment(actorOf(req), req.query.equipmentId),
  );
  app.get(
    '/equipment/hazards/export',
    {
      config: read,
      schema: { tags, summary: '导出特种设备隐患清单（XLSX，筛选同指令书列表）', querystring: ZHazardExportQuery },
    },
    async (req, reply) => {
      const file = await exporter.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.get(
    '/equipment/hazards/:id',
    { config: read, schema: { tags, summary: '隐患', params: ZIdParams, response: { 200: ZHazard } } },
    (req) => hazards.get(actorOf(req), req.params.id),
  );

  app.post(
    '/equipment/directives',
    {
      config: write,
      schema: { tags, summary: '下达特种设备安全监察指令书', body: ZDirectiveIssueBody, response: { 200: ZDirective } },
    },
    (req) => directives.issue(actorOf(req), req.body),
  );
  app.get(
    '/equipment/directives',
    {
      config: read,
      schema: { tags, summary: '安全监察指令书', querystring: ZDirectiveListQuery, response: { 200: ZDirectivePage } },
    },
    (req) => directives.list(actorOf(req), req.query),
  );
  app.get(
    '/equipment/directives/:id',
    { config: read, schema: { tags, summary: '指令书详情', params: ZIdParams, response: { 200: ZDirective } } },
    (req) => directives.get(actorOf(req), req.params.id),
  );
  app.post(
    '/equipment/directives/:id/rectify',
    {
      config: write,
      schema: {
        tags,
        summary: '登记整改情况（附整改证据）',
        params: ZIdParams,
        body: ZRectifyBody,
        response: { 200: ZDirective },
      },
    },
    (req) => directives.rectify(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/directives/:id/return',
    {
      config: write,
      schema: {
        tags,
        summary: '退回整改（新期限）',
        params: ZIdParams,
        body: ZReturnBody,
        response: { 200: ZDirective },
      },
    },
    (req) => directives.returnOrder(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/directives/:id/accept',
    {
      config: write,
      schema: {
        tags,
        summary: '验收关闭（可同时登记复检日期与下次检验日期）',
        params: ZIdParams,
        body: ZAcceptBody,
        response: { 200: ZDirective },
      },
    },
    (req) => directives.accept(actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/equipment/directives/:id/document',
    {
      config: read,
      schema: { tags, summary: '打印指令书（PDF 或 DOCX）', params: ZIdParams, querystring: ZDirectiveDocQuery },
    },
    async (req, reply) => {
      const doc = await document(actorOf(req), req.params.id, req.query.format);
      return reply
        .type(req.query.format === 'pdf' ? 'application/pdf' : DOCX_TYPE)
        .header('content-disposition', attachment(doc.filename, doc.ascii).replace(/^attachment/, 'inline'))
        .header('cache-control', 'no-store')
        .send(doc.bytes);
    },
  );

  app.post(
    '/equipment/directives/:id/files',
    {
      config: write,
      schema: {
        tags,
        summary: '上传整改证据（照片或 PDF，multipart 字段 file）',
        params: ZIdParams,
        response: { 201: ZDirective.shape.files },
      },
    },
    async (req, reply) => {
      // Read only once the service has checked the caller may add evidence to this order.
      const file = async () => (await receiveUpload(req, evidence.maxBytes, attachmentTooLarge)).file;
      return reply.status(201).send(await evidence.upload(actorOf(req), req.params.id, file));
    },
  );
  app.get(
    '/equipment/directives/:id/files/:fileId',
    {
      config: read,
      schema: {
        tags,
        summary: '下载整改证据',
        params: ZIdParams.extend({ fileId: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const { file, data } = await evidence.open(actorOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, data);
    },
  );

  app.post(
    '/equipment/supervisions',
    {
      config: write,
      schema: { tags, summary: '安排特种设备监督检查', body: ZSupervisionCreate, response: { 200: ZSupervision } },
    },
    (req) => supervisions.schedule(actorOf(req), req.body),
  );
  app.get(
    '/equipment/supervisions',
    {
      config: read,
      schema: {
        tags,
        summary: '特种设备监督检查',
        querystring: ZSupervisionQuery,
        response: { 200: ZSupervisionPage },
      },
    },
    (req) => supervisions.list(actorOf(req), req.query),
  );
  app.get(
    '/equipment/supervisions/:id',
    { config: read, schema: { tags, summary: '监督检查详情', params: ZIdParams, response: { 200: ZSupervision } } },
    (req) => supervisions.get(actorOf(req), req.params.id),
  );
  app.post(
    '/equipment/supervisions/:id/start',
    {
      config: write,
      schema: {
        tags,
        summary: '开始监督检查（检查人员不少于2名）',
        params: ZIdParams,
        body: ZSupervisionStart,
        response: { 200: ZSupervision },
      },
    },
    (req) => supervisions.start(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/supervisions/:id/hazards',
    {
      config: write,
      schema: {
        tags,
        summary: '在监督检查中登记设备隐患',
        params: ZIdParams,
        body: ZSupervisionHazards,
        response: { 200: ZInspectionResult },
      },
    },
    (req) => supervisions.recordHazards(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/equipment/supervisions/:id/complete',
    {
      config: write,
      schema: {
        tags,
        summary: '完成监督检查',
        params: ZIdParams,
        body: ZSupervisionComplete,
        response: { 200: ZSupervision },
      },
    },
    (req) => supervisions.complete(actorOf(req), req.params.id, req.body),
  );
};
