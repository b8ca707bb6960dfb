import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZChecklist,
  ZChecklistUpdate,
  ZRatingCreate,
  ZRatingDetail,
  ZRatingFile,
  ZRatingFileParams,
  ZRatingList,
  ZRatingTransitionBody,
  ZRatingYearQuery,
  ZScoresUpdate,
} from '../../contracts/station-ratings.ts';
import { actorOf } from '../../platform/http.ts';
import { attachmentTooLarge, receiveUpload } from '../../platform/uploads.ts';
import { sendStoredFile } from '../files/routes.ts';
import type { StationRatingService } from './service.ts';

/** 监管所“两化”等级评定 under /station-ratings; the service checks scope, review and settings permissions. */
export const stationRatingRoutes: FastifyPluginAsyncZod<{ ratings: StationRatingService }> = async (
  app,
  { ratings },
) => {
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(multipart);
  const tags = ['station-ratings'];
  const base = '/station-ratings';
  const read = { permission: 'rating:read' as const };
  const write = { permission: 'rating:write' as const };
  app.get(
    `${base}/checklist`,
    { config: read, schema: { tags, summary: '当前评定标准（六有）', response: { 200: ZChecklist } } },
    (req) => ratings.checklist(actorOf(req)),
  );
  app.put(
    `${base}/checklist`,
    {
      config: { permission: 'rating:settings' },
      schema: { tags, summary: '修改评定标准（保存为新版本）', body: ZChecklistUpdate, response: { 200: ZChecklist } },
    },
    (req) => ratings.saveChecklist(actorOf(req), req.body),
  );
  app.get(
    base,
    {
      config: read,
      schema: { tags, summary: '各所某年度评定一览', querystring: ZRatingYearQuery, response: { 200: ZRatingList } },
    },
    (req) => ratings.list(actorOf(req), req.query.year),
  );
  app.post(
    base,
    {
      config: write,
      schema: { tags, summary: '开始某所某年度的评定', body: ZRatingCreate, response: { 201: ZRatingDetail } },
    },
    async (req, reply) => reply.status(201).send(await ratings.create(actorOf(req), req.body)),
  );
  app.get(
    `${base}/:id`,
    { config: read, schema: { tags, summary: '评定详情', params: ZIdParams, response: { 200: ZRatingDetail } } },
    (req) => ratings.detail(actorOf(req), req.params.id),
  );
  app.put(
    `${base}/:id/scores`,
    {
      config: write,
      schema: {
        tags,
        summary: '保存评分项得分和说明',
        params: ZIdParams,
        body: ZScoresUpdate,
        response: { 200: ZRatingDetail },
      },
    },
    (req) => ratings.saveScores(actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/files`,
    {
      config: write,
      schema: {
        tags,
        summary: '上传佐证材料（multipart：itemCode、file）',
        params: ZIdParams,
        response: { 201: ZRatingFile },
      },
    },
    async (req, reply) => {
      // Read only once the service has checked the caller may add evidence to this rating.
      const upload = () => receiveUpload(req, ratings.maxUploadBytes, attachmentTooLarge);
      return reply.status(201).send(await ratings.uploadEvidence(actorOf(req), req.params.id, upload));
    },
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { config: read, schema: { tags, summary: '查看佐证材料', params: ZRatingFileParams } },
    async (req, reply) => {
      const { file, data } = await ratings.evidenceFile(actorOf(req), req.params.id, req.params.fileId);
      return sendStoredFile(reply, file, data);
    },
  );
  app.post(
    `${base}/:id/transitions`,
    {
      config: read,
      schema: {
        tags,
        summary: '提交、退回、审核通过（评定星级）',
        params: ZIdParams,
        body: ZRatingTransitionBody,
        response: { 200: ZRatingDetail },
      },
    },
    (req) => ratings.transition(actorOf(req), req.params.id, req.body),
  );
};
