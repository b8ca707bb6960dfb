import { loadavg } from 'node:os';
import { foodGradingDefaults } from '../../src/domain/food-grading.ts';
import { recomputeAnnual } from '../../src/modules/food-inspections/repos/annual.ts';
import { writeDynamicGrade } from '../../src/modules/food-inspections/repos/inspections.ts';
import type { FoodMeasurement } from './food-measure.ts';
import type { ResultRow } from './report.ts';
import { sample, summarise } from './timing.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 量化分级 (point 4) at scale: the daily annual-grade job over every business's dynamic grades of the last 12
 * months, three times: as of today, the same day again (nothing changes), and 180 days on (the window moved: nearly
 * every business's grade or score changes, so each current annual grade is superseded by a new one).
 * Then one inspection's grade write with its supersession, as an inspector's submit does it. (On a fresh load the
 * first run rewrites nearly all: the load's annual grades are by hash, not by score; on a kept database it finds
 * the grades of the earlier run.)
 */
export const gradeRecompute: FoodMeasurement = {
  name: 'grade recompute',
  async run(ctx, today) {
    const rows: ResultRow[] = [];
    const detail: Record<string, unknown> = {};
    const runs: [string, string][] = [
      ['as of today', today],
      ['again (nothing changed)', today],
      ['window moved 180 days', addDays(today, 180)],
    ];
    for (const [name, asOf] of runs) {
      ctx.log(`grade recompute: ${name}`);
      const t0 = performance.now();
      const r = await ctx.db.transaction((tx) =>
        recomputeAnnual(tx, { asOf, config: foodGradingDefaults, createdBy: null }),
      );
      const seconds = (performance.now() - t0) / 1000;
      detail[name] = { ...r, seconds };
      rows.push({
        scenario: 'food',
        metric: `annual grade recompute, ${name}: ${r.considered.toLocaleString()} businesses, ${r.written.toLocaleString()} written`,
        value: seconds,
        unit: 's',
        target: '≤ 60',
        note: `load avg ${loadavg()[0]!.toFixed(1)}`,
      });
    }
    // Back to today's grades, so the placard and public measurements see the state of the load.
    await ctx.db.transaction((tx) =>
      recomputeAnnual(tx, { asOf: today, config: foodGradingDefaults, createdBy: null }),
    );
    const [{ n }] = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM food_businesses')) as [
      { n: number },
    ];
    const inspections = await ctx.db.query<{ id: number; businessId: number }>(
      `SELECT DISTINCT ON (business_id) id, business_id AS "businessId" FROM food_inspections
        WHERE kind = 'routine' AND status = 'done' AND business_id % $1 = 0 ORDER BY business_id, id DESC LIMIT 60`,
      [Math.max(1, Math.floor(n / 60))],
    );
    const write = summarise(
      await sample(
        inspections.length - 3,
        (i) =>
          ctx.db.transaction((tx) =>
            writeDynamicGrade(tx, {
              businessId: inspections[i]!.businessId,
              grade: 'good',
              score: 80,
              inspectionId: inspections[i]!.id,
              gradedOn: today,
              createdBy: null as never,
            }),
          ),
        3,
      ),
    );
    rows.push({
      scenario: 'food',
      metric: 'one dynamic grade written (supersedes the current) p95',
      value: write.p95,
      unit: 'ms',
    });
    return { rows, detail: { ...detail, gradeWrite: write } };
  },
};
