import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRollupComplaintMonths, ZRollupMonthsQuery, ZRollupRegions } from '../../contracts/rollup.ts';
import { assertScreenReadable } from '../../platform/access.ts';
import { download, XLSX_TYPE } from '../../platform/download.ts';
import { actorOf } from '../../platform/http.ts';
import type { RollupService } from './services/regions.ts';
import type { RegionsExport } from './services/regions-export.ts';

/** 省级汇总: the province's figures per city, for its leaders and its screen (province-wide, so scope `all`). */
export const rollupRoutes: FastifyPluginAsyncZod<{ rollup: RollupService; rollupExport: RegionsExport }> = async (
  app,
  { rollup, rollupExport },
) => {
  app.get(
    '/rollup/regions',
    {
      config: { permission: 'screen:read' },
      schema: {
        tags: ['screen'],
        summary:
          '省级汇总：各城市（city_code）的市场主体、经营异常名录、抽查及结果、信用风险分类、12315、案件与罚没款（逻辑复制，不含个人信息）',
        response: { 200: ZRollupRegions },
      },
    },
    async (req) => {
      assertScreenReadable(actorOf(req), null);
      return rollup.regions();
    },
  );

  app.get(
    '/rollup/regions/complaints-by-month',
    {
      config: { permission: 'screen:read' },
      schema: {
        tags: ['screen'],
        summary: '省级汇总：各城市近 N 个月（默认 12）每月受理的 12315 诉求件数',
        querystring: ZRollupMonthsQuery,
        response: { 200: ZRollupComplaintMonths },
      },
    },
    async (req) => {
      assertScreenReadable(actorOf(req), null);
      return rollup.complaintMonths(req.query.months);
    },
  );

  app.get(
    '/rollup/regions/export',
    {
      config: { permission: 'screen:read' },
      schema: { tags: ['screen'], summary: '省级汇总：各城市汇总数据导出 Excel（含合计行，与页面相同）' },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      assertScreenReadable(actor, null);
      const file = await rollupExport.export(actor);
      return download(reply, XLSX_TYPE, file.filename, file.ascii).send(file.body);
    },
  );
};
