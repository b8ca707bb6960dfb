import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../contracts/common.ts';
import {
  ZAlert,
  ZAnalysisQuery,
  ZAnalysisResult,
  ZHotTopic,
  ZHotTopicsQuery,
  ZRelated,
} from '../../contracts/complaints.ts';
import { z } from '../../contracts/zod.ts';
import { actorOf } from '../../platform/http.ts';
import type { ComplaintAnalysis } from './services/analysis.ts';
import type { ComplaintService } from './services/complaints.ts';

export const complaintAnalysisRoutes: FastifyPluginAsyncZod<{
  analysis: ComplaintAnalysis;
  complaints: ComplaintService;
}> = async (app, { analysis, complaints }) => {
  const tags = ['complaints'];
  const config = { permission: 'complaint:read' as const };
  app.get(
    '/complaints/analysis',
    {
      config,
      schema: {
        tags,
        summary: '统计分析：按类型、类别、所、月份，含同比（月度汇总，约10分钟更新）',
        querystring: ZAnalysisQuery,
        response: { 200: ZAnalysisResult },
      },
    },
    async (req) => analysis.summary(actorOf(req), req.query.by, req.query.from, req.query.to),
  );
  app.get(
    '/complaints/analysis/hot-topics',
    {
      config,
      schema: {
        tags,
        summary: '热点词（中文分词）',
        querystring: ZHotTopicsQuery,
        response: { 200: z.array(ZHotTopic) },
      },
    },
    async (req) => analysis.hotTopics(actorOf(req), req.query.from, req.query.to),
  );
  app.get(
    '/complaints/alerts',
    {
      config,
      schema: { tags, summary: '消费预警草稿（异常增长检测；所只见本所经营者的）', response: { 200: z.array(ZAlert) } },
    },
    async (req) => analysis.alerts(actorOf(req)),
  );
  app.get(
    '/complaints/:id/related',
    {
      config,
      schema: { tags, summary: '疑似重复或关联事项', params: ZIdParams, response: { 200: z.array(ZRelated) } },
    },
    async (req) => complaints.related(actorOf(req), req.params.id),
  );
};
