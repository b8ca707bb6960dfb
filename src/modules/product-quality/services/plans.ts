import type { z } from 'zod';
import type {
  ZPlanGenerateBody,
  ZProductPassRateQuery,
  ZProductPlanBody,
  ZProductPlanQuery,
} from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import { samplingRounds } from '../../../domain/product-sampling-workflow.ts';
import { passRate } from '../../../domain/sampling.ts';
import { aggregateReach, assertPermitted, assertPlaceable, assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { forbidden, validation } from '../../../platform/errors.ts';
import { afterIdOfKey, keyPage } from '../../../platform/sampling/keyset.ts';
import { setPlanTarget } from '../../../platform/sampling/plan-target.ts';
import { productPlanKind, productSampleKind, reachOf } from '../access.ts';
import * as plans from '../repos/plans.ts';
import * as samples from '../repos/samples.ts';
import * as settings from '../repos/settings.ts';
import { toProductPlan } from '../view.ts';

const roundName = (year: number, start: string, months: number) =>
  months === 3
    ? `${year}年第${Math.ceil(Number(start.slice(5, 7)) / 3)}季度`
    : months === 6
      ? `${year}年${start.slice(5, 7) === '01' ? '上' : '下'}半年`
      : `${year}年度`;

/** 抽查计划 (by hand or generated from the graded supervision), and the 合格率 figures. */
export function createProductPlanService(db: Db) {
  async function station(id: number) {
    if (!(await plans.isStation(db, id))) throw validation('stationId', '所选单位不是市场监管所');
  }
  return {
    async list(actor: Actor, q: z.infer<typeof ZProductPlanQuery>) {
      assertPermitted(actor, productPlanKind, 'list');
      const rows = await plans.listPlans(db, actor, q, { afterId: afterIdOfKey(q.cursor), limit: q.limit });
      return keyPage(rows, q.limit, toProductPlan);
    },

    async get(actor: Actor, id: number) {
      return toProductPlan(assertReadable(actor, productPlanKind, await plans.getPlan(db, id), reachOf));
    },

    async create(actor: Actor, b: z.infer<typeof ZProductPlanBody>) {
      assertPlaceable(actor, productPlanKind, b.stationId);
      if (b.periodEnd < b.periodStart) throw validation('periodEnd', '计划结束日期不能早于开始日期');
      await station(b.stationId);
      if (!(await settings.category(db, b.categoryCode))?.active)
        throw validation('categoryCode', '产品类别不存在或已停用');
      const [id] = await db.transaction(async (tx) => {
        const ids = await plans.insertPlans(tx, [b], actor.userId);
        if (!ids.length) throw validation('periodStart', '该所该类别同一起始日期的计划已存在');
        await appendAudit(tx, actor, { action: 'productPlan.create', targetType: 'productPlan', targetId: ids[0]! });
        return ids;
      });
      return toProductPlan((await plans.getPlan(db, id!))!);
    },

    async setTarget(actor: Actor, id: number, targetBatches: number) {
      const plan = { subject: 'productPlan', kind: productPlanKind, reach: reachOf, repo: plans };
      return toProductPlan(await setPlanTarget(db, actor, plan, id, targetBatches));
    },

    /** 分级监管: one plan per active category and round of the year, as often as its grade says (data). */
    async generate(actor: Actor, b: z.infer<typeof ZPlanGenerateBody>) {
      assertPlaceable(actor, productPlanKind, b.stationId);
      await station(b.stationId);
      const rows = (await settings.categoriesWithIntervals(db)).flatMap((c) =>
        samplingRounds(b.year, c.intervalMonths).map((r) => ({
          stationId: b.stationId,
          categoryCode: c.code,
          name: `${roundName(b.year, r.start, c.intervalMonths)}${c.name}监督抽查（${c.riskGrade} 级）`,
          periodStart: r.start,
          periodEnd: r.end,
          targetBatches: b.targetBatches,
        })),
      );
      const ids = await db.transaction(async (tx) => {
        const created = await plans.insertPlans(tx, rows, actor.userId);
        await appendAudit(tx, actor, {
          action: 'productPlan.generate',
          targetType: 'orgUnit',
          targetId: b.stationId,
          detail: { year: b.year, created: created.length },
        });
        return created;
      });
      return { created: ids.length, skipped: rows.length - ids.length };
    },

    async passRates(actor: Actor, q: z.infer<typeof ZProductPassRateQuery>) {
      assertPermitted(actor, productSampleKind, 'count');
      const reach = aggregateReach(actor);
      if (q.stationId && 'unitIds' in reach && !reach.unitIds.includes(q.stationId))
        throw forbidden('该所不在本人数据范围内');
      const rows = await samples.passRates(db, 'all' in reach ? {} : reach, q);
      const sum = (k: 'tested' | 'passed' | 'failed') => rows.reduce((n, r) => n + r[k], 0);
      return {
        rows: rows.map((r) => ({ ...r, passRate: passRate(r.passed, r.tested) })),
        total: {
          tested: sum('tested'),
          passed: sum('passed'),
          failed: sum('failed'),
          passRate: passRate(sum('passed'), sum('tested')),
        },
      };
    },
  };
}
export type ProductPlanService = ReturnType<typeof createProductPlanService>;
