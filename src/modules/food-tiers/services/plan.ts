import type { z } from 'zod';
import type { ZHigherInspectionBody } from '../../../contracts/food-tiers.ts';
import type { Db } from '../../../db/client.ts';
import type { FoodRiskModel } from '../../../domain/food-risk-model.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import { foodBusinessKind, foodBusinessReach } from '../../food/access.ts';
import { assertStationPlan } from '../access.ts';
import * as plans from '../repos/plan.ts';
import * as tiers from '../repos/tiers.ts';
import type { FoodTierService } from './tiers.ts';

export interface PlanDeps {
  today: () => string;
  calendar: () => Promise<WorkingDayCalendar>;
  tiers: Pick<FoodTierService, 'activeModel' | 'recomputeIds'>;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const addMonths = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

/** Working days from `from` to `to` inclusive, by the work calendar. */
export function workingDaysBetween(cal: WorkingDayCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) out.push(d);
  return out;
}

/** The yearly plan (planned routine food_inspections) per station, its calendar, and the Art. 42 moves. */
export function createFoodPlanService(db: Db, deps: PlanDeps) {
  /** One station's plan for `year`; the caller checked access. Plans from today on in the current year. */
  async function generateStation(stationId: number, year: number, createdBy: number | null, model?: FoodRiskModel) {
    const started = performance.now();
    const today = deps.today();
    const from = year === Number(today.slice(0, 4)) ? today : `${year}-01-01`;
    const days = workingDaysBetween(await deps.calendar(), from, `${year}-12-31`);
    if (days.length === 0) throw validation('year', '该年度已无剩余工作日，无法生成计划');
    await deps.tiers.recomputeIds(await tiers.untiered(db, stationId));
    const counts = await plans.generatePlan(db, model ?? (await deps.tiers.activeModel()), {
      stationId,
      year,
      days,
      today,
      createdBy,
    });
    return { stationId, year, ...counts, seconds: (performance.now() - started) / 1000 };
  }

  function checkYear(year: number) {
    const current = Number(deps.today().slice(0, 4));
    if (year < current) throw validation('year', `年度不能早于今年（${current}）：已过去年度的计划不再生成`);
    if (year > current + 1) throw validation('year', `年度至多为明年（${current + 1}）`);
  }

  return {
    generateStation,

    async generate(actor: Actor, body: { stationId: number; year: number }) {
      assertStationPlan(actor, body.stationId);
      checkYear(body.year);
      const result = await generateStation(body.stationId, body.year, actor.userId);
      await appendAudit(db, actor, {
        action: 'food.plan.generate',
        targetType: 'org_unit',
        targetId: body.stationId,
        detail: result,
      });
      return result;
    },

    /** Every station with food businesses (demo load, bench, the yearly job). */
    async generateAll(year: number) {
      const model = await deps.tiers.activeModel();
      const stations = await plans.foodStations(db);
      const out: Awaited<ReturnType<typeof generateStation>>[] = [];
      let next = 0;
      // Stations are independent: two at a time on a PostgreSQL server (two cores); PGlite runs them in turn.
      const worker = async () => {
        while (next < stations.length) out.push(await generateStation(stations[next++]!, year, null, model));
      };
      await Promise.all(Array.from({ length: db.kind === 'pglite' ? 1 : 2 }, worker));
      return out;
    },

    async calendar(actor: Actor, q: { stationId?: number; year: number; month: number; mine?: boolean }) {
      assertPermitted(actor, foodBusinessKind, 'count');
      const first = `${q.year}-${String(q.month).padStart(2, '0')}-01`;
      const w = plans.planWhere(actor, { ...q, from: first, before: addMonths(first, 1) });
      return { days: await plans.countsPerDay(db, w) };
    },

    async day(actor: Actor, q: { stationId?: number; day: string; mine?: boolean }) {
      assertPermitted(actor, foodBusinessKind, 'list');
      return plans.plannedList(db, plans.planWhere(actor, { ...q, from: q.day, before: addDays(q.day, 1) }), 500);
    },

    async summary(actor: Actor, q: { stationId?: number; year: number }) {
      assertPermitted(actor, foodBusinessKind, 'count');
      const w = plans.planWhere(actor, { ...q, from: `${q.year}-01-01`, before: `${q.year + 1}-01-01` });
      const rows = await plans.planSummary(db, w);
      const byTier = new Map<string, { tier: string; n: number; fullScope: number }>();
      const byMonth = new Map<number, number>();
      for (const r of rows) {
        const t = byTier.get(r.tier ?? '—') ?? { tier: r.tier ?? '—', n: 0, fullScope: 0 };
        t.n += r.n;
        t.fullScope += r.fullScope;
        byTier.set(t.tier, t);
        byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.n);
      }
      return {
        year: q.year,
        byTier: [...byTier.values()].sort((a, b) => a.tier.localeCompare(b.tier)),
        byMonth: [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([month, n]) => ({ month, n })),
      };
    },

    /**
     * Records a done inspection by a higher level (city, province, national) and applies Art. 42: the business's
     * planned routine visits inside the quiet period move to the first working day after it, or are skipped when
     * their plan year has none left.
     */
    async recordHigher(actor: Actor, body: z.infer<typeof ZHigherInspectionBody>) {
      const business = assertWritable(actor, foodBusinessKind, await tiers.tierOf(db, body.businessId), (r) =>
        foodBusinessReach({ stationId: r.stationId, createdBy: r.createdBy, inspectorId: r.inspectorId }),
      );
      if (body.inspectedOn > deps.today()) throw validation('inspectedOn', '检查日期不能晚于今天');
      const model = await deps.tiers.activeModel();
      const cal = await deps.calendar();
      const quietEnd = addMonths(body.inspectedOn, model.higherLevelQuietMonths);
      let target = quietEnd;
      while (!cal.isWorkingDay(target)) target = addDays(target, 1);
      return db.transaction(async (tx) => {
        const id = await plans.insertHigher(tx, {
          businessId: body.businessId,
          stationId: Number(business.stationId),
          level: body.level,
          inspectedOn: body.inspectedOn,
          result: body.result ?? null,
          by: actor.userId,
        });
        const moved: { id: number; from: string; to: string }[] = [];
        const skipped: number[] = [];
        for (const row of await plans.plannedOfBusiness(tx, body.businessId, body.inspectedOn, quietEnd)) {
          const year = row.planYear ?? Number(row.plannedOn.slice(0, 4));
          if (Number(target.slice(0, 4)) > year) {
            await plans.dropPlanned(tx, row.id);
            skipped.push(Number(row.id));
          } else {
            await plans.movePlanned(tx, row.id, target);
            moved.push({ id: Number(row.id), from: row.plannedOn, to: target });
          }
        }
        await appendAudit(tx, actor, {
          action: 'food.inspection.higher',
          targetType: 'foodInspection',
          targetId: id,
          detail: { businessId: body.businessId, level: body.level, inspectedOn: body.inspectedOn, moved, skipped },
        });
        return { id, moved, skipped };
      });
    },
  };
}

export type FoodPlanService = ReturnType<typeof createFoodPlanService>;
