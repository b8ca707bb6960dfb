import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { loadFoodData } from '../lib/food-data.ts';
import { foodMeasurements } from '../lib/food-measure.ts';
import type { Scenario } from '../lib/scenario.ts';

/** Food businesses (BENCH_FOOD_BUSINESSES, default 300 k; --entities must be at least that) and past inspections. */
const BUSINESSES = Number(process.env.BENCH_FOOD_BUSINESSES ?? 300_000);
const INSPECTIONS = Number(process.env.BENCH_FOOD_INSPECTIONS ?? 3_000_000);

/**
 * Issue 13 point 13: food at city scale. Loads (once: rerun with --reuse) the register, food businesses with licences
 * and staff, ≈ 3 M past inspections and their grades over 3 years, then runs each measurement of foodMeasurements
 * (tier recompute, the yearly plan; later parts add grade recompute, placard verification, public search).
 * BENCH_FOOD_ONLY=name,name runs only those measurements; BENCH_FOOD_LOAD_ONLY=1 loads and stops.
 */
export const foodScenario: Scenario = async (ctx) => {
  const today = shanghaiToday();
  if (ctx.entities < BUSINESSES)
    throw new Error(`scenario food: --entities ${ctx.entities} < ${BUSINESSES} businesses`);
  const rows = await loadFoodData(ctx, { today, businesses: BUSINESSES, inspections: INSPECTIONS });
  if (process.env.BENCH_FOOD_LOAD_ONLY === '1') return { rows };
  const only = process.env.BENCH_FOOD_ONLY?.split(',');
  const detail: Record<string, unknown> = {};
  for (const m of foodMeasurements) {
    if (only && !only.includes(m.name)) continue;
    const r = await m.run(ctx, today);
    rows.push(...r.rows);
    detail[m.name] = r.detail;
  }
  return { rows, detail };
};
