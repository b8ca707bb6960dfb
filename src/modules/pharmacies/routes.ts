import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk, ZPage } from '../../contracts/common.ts';
import { IMPORT_MAX_BYTES } from '../../contracts/entity-import.ts';
import {
  ZAttendanceImportResult,
  ZAttendanceOverview,
  ZGspInspection,
  ZGspResultBody,
  ZGspStartBody,
  ZPharmacist,
  ZPharmacistBody,
  ZPharmacistToken,
  ZPharmacy,
  ZPharmacyBody,
  ZPharmacyExportQuery,
  ZPharmacyPatch,
  ZPharmacyQuery,
  ZPharmacySummary,
  ZRateQuery,
  ZReviewBody,
} from '../../contracts/pharmacies.ts';
import { z } from '../../contracts/zod.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { receiveUpload } from '../../platform/uploads.ts';
import type { AttendanceService } from './services/attendance.ts';
import type { AttendanceImport } from './services/attendance-import.ts';
import type { GspService } from './services/gsp.ts';
import type { PharmacyService } from './services/pharmacies.ts';

export const pharmacyRoutes: FastifyPluginAsyncZod<{
  pharmacies: PharmacyService;
  attendance: AttendanceService;
  importAttendance: AttendanceImport;
  gsp: GspService;
}> = async (app, { pharmacies, attendance, importAttendance, gsp }) => {
  const tags = ['drugs'];
  const read = { permission: 'drug:read' as const };
  const write = { permission: 'drug:write' as const };
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);

  app.get(
    '/pharmacies',
    {
      config: read,
      schema: {
        tags,
        summary: '零售药店列表',
        querystring: ZPharmacyQuery,
        response: { 200: ZPage(ZPharmacySummary) },
      },
    },
    (req) => pharmacies.list(actorOf(req), req.query),
  );
  app.get(
    '/pharmacies/export',
    {
      config: read,
      schema: { tags, summary: '导出零售药店 Excel（与列表相同的筛选与数据范围）', querystring: ZPharmacyExportQuery },
    },
    async (req, reply) => {
      const file = pharmacies.export(actorOf(req), req.query);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
  app.post(
    '/pharmacies',
    {
      config: write,
      schema: { tags, summary: '登记零售药店及其药品经营许可证', body: ZPharmacyBody, response: { 200: ZPharmacy } },
    },
    (req) => pharmacies.create(actorOf(req), req.body),
  );
  app.get(
    '/pharmacies/attendance',
    {
      config: read,
      schema: {
        tags,
        summary: '阳光药师在岗率（按所、按月）',
        querystring: ZRateQuery,
        response: { 200: ZAttendanceOverview },
      },
    },
    (req) => attendance.overview(actorOf(req), req.query),
  );
  app.post(
    '/pharmacies/attendance/import',
    {
      config: write,
      schema: {
        tags,
        summary: '导入阳光药师考勤（XLSX/CSV，multipart：file；全部成功或全部不导入）',
        response: { 200: ZAttendanceImportResult },
      },
    },
    async (req) => {
      const { file } = await receiveUpload(req, IMPORT_MAX_BYTES);
      const bytes = file.pieces.length === 1 ? file.pieces[0]! : Buffer.concat(file.pieces);
      return importAttendance(actorOf(req), { filename: file.filename, bytes });
    },
  );
  app.get(
    '/pharmacies/:id',
    { config: read, schema: { tags, summary: '零售药店详情', params: ZIdParams, response: { 200: ZPharmacy } } },
    (req) => pharmacies.get(actorOf(req), req.params.id),
  );
  app.patch(
    '/pharmacies/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '修改药店位置、签到范围、营业时间或状态',
        params: ZIdParams,
        body: ZPharmacyPatch,
        response: { 200: ZPharmacy },
      },
    },
    (req) => pharmacies.update(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/pharmacies/:id/pharmacists',
    {
      config: write,
      schema: {
        tags,
        summary: '登记执业药师及其在岗安排',
        params: ZIdParams,
        body: ZPharmacistBody,
        response: { 200: ZPharmacist },
      },
    },
    (req) => pharmacies.addPharmacist(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/pharmacists/:id/token',
    {
      config: write,
      schema: {
        tags,
        summary: '签发执业药师个人签到链接（旧链接失效；仅显示一次）',
        params: ZIdParams,
        response: { 200: ZPharmacistToken },
      },
    },
    (req) => pharmacies.issueToken(actorOf(req), req.params.id),
  );
  app.post(
    '/pharmacists/:id/active',
    {
      config: write,
      schema: {
        tags,
        summary: '启用或停用执业药师',
        params: ZIdParams,
        body: z.object({ active: z.boolean() }),
        response: { 200: ZPharmacist },
      },
    },
    (req) => pharmacies.setPharmacistActive(actorOf(req), req.params.id, req.body.active),
  );
  app.post(
    '/pharmacies/:id/absences/review',
    {
      config: write,
      schema: {
        tags,
        summary: '核实一天的缺勤（移出待办）',
        params: ZIdParams,
        body: ZReviewBody,
        response: { 200: ZOk },
      },
    },
    (req) => attendance.review(actorOf(req), req.params.id, req.body.day),
  );
  app.post(
    '/pharmacies/:id/gsp',
    {
      config: write,
      schema: {
        tags,
        summary: '开始GSP检查（检查人员不少于2名）',
        params: ZIdParams,
        body: ZGspStartBody,
        response: { 200: ZGspInspection },
      },
    },
    (req) => gsp.start(actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/pharmacy-gsp/:id/result',
    {
      config: write,
      schema: {
        tags,
        summary: '录入GSP检查结果',
        params: ZIdParams,
        body: ZGspResultBody,
        response: { 200: ZGspInspection },
      },
    },
    (req) => gsp.record(actorOf(req), req.params.id, req.body),
  );
};
