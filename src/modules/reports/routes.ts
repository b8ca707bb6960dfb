import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZWorkReport, ZWorkReportQuery } from '../../contracts/reports.ts';
import { download } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import { type ReportService, reportFileName } from './service.ts';

const tags = ['reports'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 工作总结: the JSON preview and the same report as PDF and DOCX (leader, admin, department staff, station chief). */
export const reportRoutes: FastifyPluginAsyncZod<{ reports: ReportService }> = async (app, { reports }) => {
  app.get(
    '/reports/work',
    {
      config: { permission: 'dashboard:read' },
      schema: {
        tags,
        summary: '工作总结（预览）：各模块指标、上年同期与同比、文字说明、指标查询语句',
        querystring: ZWorkReportQuery,
        response: { 200: ZWorkReport },
      },
    },
    async (req) => reports.work(actorOf(req), req.query),
  );
  app.get(
    '/reports/work/pdf',
    {
      config: { permission: 'dashboard:read' },
      schema: { tags, summary: '下载工作总结（PDF，内嵌中文字体与图表）', querystring: ZWorkReportQuery },
    },
    async (req, reply) => {
      const { report, body } = await reports.pdf(actorOf(req), req.query);
      return download(reply, 'application/pdf', reportFileName(report, 'pdf'), 'work-report.pdf').send(body);
    },
  );
  app.get(
    '/reports/work/docx',
    {
      config: { permission: 'dashboard:read' },
      schema: { tags, summary: '下载工作总结（Word，含图表）', querystring: ZWorkReportQuery },
    },
    async (req, reply) => {
      const { report, body } = await reports.docx(actorOf(req), req.query);
      return download(reply, DOCX_TYPE, reportFileName(report, 'docx'), 'work-report.docx').send(body);
    },
  );
};
