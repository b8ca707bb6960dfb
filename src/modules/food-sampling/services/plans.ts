import type { z } from 'zod';
import type {
  ZPassRateQuery,
  ZPublicSampleQuery,
  ZSamplingPlanBody,
  ZSamplingPlanQuery,
} from '../../../contracts/food-sampling.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { passRate } from '../../../domain/sampling.ts';
import { aggregateReach, assertPermitted, assertPlaceable, assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { forbidden, validation } from '../../../platform/errors.ts';
import { afterIdOfKey, keyPage } from '../../../platform/sampling/keyset.ts';
import { setPlanTarget } from '../../../platform/sampling/plan-target.ts';
import { foodSampleKind, foodSamplingPlanKind, foodSamplingPlanReach } from '../access.ts';
import * as figures from '../repos/figures.ts';
import * as plans from '../repos/plans.ts';
import { toPlan } from '../view.ts';

const rate = passRate;

/** 抽检计划 per station and period, the 合格率 figures and the public list of published results. */
export function createSamplingPlanService(db: Db) {
  return {
    async list(actor: Actor, q: z.infer<typeof ZSamplingPlanQuery>) {
      assertPermitted(actor, foodSamplingPlanKind, 'list');
      const rows = await plans.listPlans(db, actor, q, { afterId: afterIdOfKey(q.cursor), limit: q.limit });
      return keyPage(rows, q.limit, toPlan);
    },

    async get(actor: Actor, id: number) {
      return toPlan(assertReadable(actor, foodSamplingPlanKind, await plans.getPlan(db, id), foodSamplingPlanReach));
    },

    async create(actor: Actor, b: z.infer<typeof ZSamplingPlanBody>) {
      assertPlaceable(actor, foodSamplingPlanKind, b.stationId);
      if (b.periodEnd < b.periodStart) throw validation('periodEnd', '计划结束日期不能早于开始日期');
      if (!(await plans.isStation(db, b.stationId))) throw validation('stationId', '所选单位不是市场监管所');
      const id = await db.transaction(async (tx) => {
        const newId = await plans.insertPlan(tx, { ...b, createdBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'foodSamplingPlan.create',
          targetType: 'foodSamplingPlan',
          targetId: newId,
        });
        return newId;
      });
      return toPlan((await plans.getPlan(db, id))!);
    },

    async setTarget(actor: Actor, id: number, targetBatches: number) {
      const plan = {
        subject: 'foodSamplingPlan',
        kind: foodSamplingPlanKind,
        reach: foodSamplingPlanReach,
        repo: plans,
      };
      return toPlan(await setPlanTarget(db, actor, plan, id, targetBatches));
    },

    /** 合格率 by category and month within the caller's reach (a station's for `stationId`). */
    async passRates(actor: Actor, q: z.infer<typeof ZPassRateQuery>) {
      assertPermitted(actor, foodSampleKind, 'count');
      if (q.to < q.from) throw validation('to', '结束日期不能早于开始日期');
      const reach = aggregateReach(actor);
      if (q.stationId && 'unitIds' in reach && !reach.unitIds.includes(q.stationId))
        throw forbidden('该所不在本人数据范围内');
      const rows = await figures.passRates(db, reach, q);
      const sum = (k: 'tested' | 'passed' | 'failed') => rows.reduce((n, r) => n + r[k], 0);
      return {
        rows: rows.map((r) => ({ ...r, foodCategory: r.foodCategory as never, passRate: rate(r.passed, r.tested) })),
        total: {
          tested: sum('tested'),
          passed: sum('passed'),
          failed: sum('failed'),
          passRate: rate(sum('passed'), sum('tested')),
        },
      };
    },

    /** 抽检结果公布 (no login): newest first, 不合格 results with the failed items and the standard cited. */
    async published(q: z.infer<typeof ZPublicSampleQuery>) {
      const c = decodeCursor(q.cursor);
      const after =
        c && typeof c[0] === 'string' && typeof c[1] === 'number' ? ([c[0], c[1]] as [string, number]) : undefined;
      const rows = await figures.publishedSamples(db, { conclusion: q.conclusion, q: q.q, after, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.publishedOn, r.id]);
      return {
        items: page.items.map(({ id, ...r }) => ({
          ...r,
          sampleNo: `CJ${String(id).padStart(8, '0')}`,
          stage: r.stage as never,
          foodCategory: r.foodCategory as never,
        })),
        nextCursor: page.nextCursor,
      };
    },
  };
}
export type SamplingPlanService = ReturnType<typeof createSamplingPlanService>;
