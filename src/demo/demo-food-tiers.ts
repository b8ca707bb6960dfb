import type { Db } from '../db/client.ts';
import { createCalendarService } from '../modules/calendar/service.ts';
import { createFoodPlanService } from '../modules/food-tiers/services/plan.ts';
import { createFoodTierService } from '../modules/food-tiers/services/tiers.ts';

/**
 * Demo risk tiers and the yearly plans: every demo food business tiered by the built-in model, then each station's
 * plan for next year, and for the rest of this one while a quarter is left (the same set-based statements as the
 * API). Works with no past inspections and with many: run it after any demo part that adds food_inspections.
 */
export async function loadDemoFoodTiers(db: Db, today: string) {
  const started = performance.now();
  const tiers = createFoodTierService(db, { today: () => today });
  const recomputed = await tiers.recomputeAll();
  const plan = createFoodPlanService(db, {
    today: () => today,
    calendar: createCalendarService(db).calendar,
    tiers,
  });
  const year = Number(today.slice(0, 4));
  // Next year's plan over the whole year; this year's from today on only while a quarter is left: in the last
  // quarter the year's missing visits would be crammed into a few weeks (59 in a day was seen on 4 December).
  const thisYear = Number(today.slice(5, 7)) <= 9 ? await plan.generateAll(year) : [];
  const stations = [...thisYear, ...(await plan.generateAll(year + 1))];
  const result = {
    tiered: recomputed.computed,
    tierSeconds: recomputed.seconds,
    planned: stations.reduce((n, s) => n + s.planned, 0),
    fullScope: stations.reduce((n, s) => n + s.fullScope, 0),
    seconds: (performance.now() - started) / 1000,
  };
  console.log(
    `  食品风险分级 ${result.tiered.toLocaleString()} 户（${result.tierSeconds.toFixed(1)} 秒），${thisYear.length ? `${year}–` : ''}${year + 1} ` +
      `年度检查计划 ${result.planned.toLocaleString()} 次（全项 ${result.fullScope.toLocaleString()} 次，共 ${result.seconds.toFixed(1)} 秒）`,
  );
  return result;
}
