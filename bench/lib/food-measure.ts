import { loadavg } from 'node:os';
import { defaultFoodRiskModel } from '../../src/domain/food-risk-model.ts';
import { createCalendarService } from '../../src/modules/calendar/service.ts';
import { createFoodPlanService } from '../../src/modules/food-tiers/services/plan.ts';
import { createFoodTierService, recomputeAllTiers } from '../../src/modules/food-tiers/services/tiers.ts';
import { gradeRecompute } from './food-measure-grades.ts';
import { placardVerify, publicSearch } from './food-measure-public.ts';
import type { ResultRow } from './report.ts';
import type { ScenarioContext } from './scenario.ts';

/**
 * One measurement of the `food` scenario: it runs against the loaded food data and returns its rows.
 */
export interface FoodMeasurement {
  name: string;
  run: (ctx: ScenarioContext, today: string) => Promise<{ rows: ResultRow[]; detail?: Record<string, unknown> }>;
}

const row = (metric: string, value: number, target?: string, note?: string): ResultRow => ({
  scenario: 'food',
  metric,
  value,
  unit: 's',
  target,
  note: note ?? `load avg ${loadavg()[0]!.toFixed(1)}`,
});

/** Risk tiers: the full recompute first (every business tiered), unchanged, and under a changed model. */
const tierRecompute: FoodMeasurement = {
  name: 'tier recompute',
  async run(ctx, today) {
    const runs: Record<string, unknown> = {};
    const rows: ResultRow[] = [];
    const changed = { ...defaultFoodRiskModel, version: 2, thresholds: { B: 15, C: 35, D: 55 } };
    for (const [name, model] of [
      ['first', defaultFoodRiskModel],
      ['unchanged', defaultFoodRiskModel],
      ['new model', changed],
    ] as const) {
      ctx.log(`tier recompute: ${name}`);
      const r = await recomputeAllTiers(ctx.db, model, today);
      runs[name] = r;
      rows.push(row(`tier recompute, ${name} (${r.updated.toLocaleString()} written)`, r.seconds, '≤ 60'));
    }
    const tiers = await ctx.db.query<{ tier: string; n: number }>(
      'SELECT tier, count(*)::int AS n FROM food_risk_tiers GROUP BY 1 ORDER BY 1',
    );
    return { rows, detail: { runs, tiers: Object.fromEntries(tiers.map((t) => [t.tier, t.n])) } };
  },
};

/** The yearly plan of every station for next year (all working days): first generation, then the idempotent rerun. */
const planGeneration: FoodMeasurement = {
  name: 'plan generation',
  async run(ctx, today) {
    const tiers = createFoodTierService(ctx.db, { today: () => today });
    const plan = createFoodPlanService(ctx.db, {
      today: () => today,
      calendar: createCalendarService(ctx.db).calendar,
      tiers,
    });
    const year = Number(today.slice(0, 4)) + 1;
    const rows: ResultRow[] = [];
    const detail: Record<string, unknown> = {};
    // A kept database (--reuse) may hold an earlier run's plan: start from none, so "first" inserts every row.
    await ctx.db.query(`DELETE FROM food_inspections WHERE plan_year = $1 AND status = 'planned'`, [year]);
    await ctx.db.exec('VACUUM ANALYZE food_inspections');
    for (const name of ['first', 'regenerate (idempotent)'] as const) {
      ctx.log(`plan generation ${year}: ${name}`);
      const t0 = performance.now();
      const stations = await plan.generateAll(year);
      const seconds = (performance.now() - t0) / 1000;
      const sum = (k: 'planned' | 'inserted' | 'updated' | 'removed' | 'fullScope' | 'moved') =>
        stations.reduce((n, s) => n + s[k], 0);
      detail[name] = {
        planned: sum('planned'),
        inserted: sum('inserted'),
        updated: sum('updated'),
        fullScope: sum('fullScope'),
        moved: sum('moved'),
        perStation: stations.map((s) => s.seconds),
      };
      rows.push(
        row(
          `plan generation ${year}, ${name}: ${stations.length} stations, ${sum('planned').toLocaleString()} visits (${sum('inserted').toLocaleString()} inserted)`,
          seconds,
          '≤ 30',
        ),
      );
    }
    return { rows, detail };
  },
};

export const foodMeasurements: FoodMeasurement[] = [
  tierRecompute,
  planGeneration,
  gradeRecompute,
  placardVerify,
  publicSearch,
];
