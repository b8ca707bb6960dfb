import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Db } from '../../src/db/client.ts';
import { createCatalogService } from '../../src/modules/spot-checks/services/catalog.ts';
import { createTaskService } from '../../src/modules/spot-checks/services/tasks.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { benchActors } from '../lib/actors.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type Scenario } from '../lib/scenario.ts';

/**
 * Bench-only data the credit module and the bureau would provide: a risk class for 90 % of entities
 * (A 30 %, B 45 %, C 15 %, D 10 % by a hash of the id; the rest unclassified, counted as B) and an inspector pool
 * of a district this size (≈ 360 people: 45 per station across the departments).
 */
export async function prepareRiskClasses(db: Db) {
  await db.exec(`
    INSERT INTO entity_risk_classes (entity_id, risk_class, score, model_version)
    SELECT id, CASE WHEN h < 30 THEN 'A' WHEN h < 75 THEN 'B' WHEN h < 90 THEN 'C' ELSE 'D' END, h, 1
      FROM (SELECT id, (id * 7919) % 100 AS h FROM entities WHERE id % 10 <> 0) t;
    INSERT INTO spot_check_inspectors (name, department_id, station_id, qualifications)
    SELECT '检查员' || g, d.id, s.id, '{行政执法证}'
      FROM generate_series(1, 6) g
      CROSS JOIN (SELECT id FROM org_units WHERE code IN ('registration', 'food', 'equipment', 'quality', 'credit')) d
      CROSS JOIN (SELECT id FROM org_units WHERE kind = 'station') s;`);
  // Settled like the register (loadBenchRegister vacuums it; autovacuum does on a server): otherwise the first
  // freeze also pays for setting the hint bits of 1.35 M fresh rows.
  await db.exec('VACUUM (ANALYZE) entity_risk_classes');
  await db.exec('ANALYZE spot_check_inspectors');
}

export async function timedDraw(db: Db, actor: Actor, planId: number, poolId: number, ratios: Record<string, number>) {
  const catalog = createCatalogService(db);
  const tasks = createTaskService(db, catalog);
  const items = (await catalog.listItems()).filter((i) => ['DJ-01', 'SP-02'].includes(i.code)).map((i) => i.id);
  const task = await tasks.create(actor, {
    planId,
    poolId,
    name: `联合抽查 ${JSON.stringify(ratios)}`,
    itemIds: items,
    ratios: ratios as { A: number; B: number; C: number; D: number },
    inspectorsPerVisit: 2,
    avoidOwnStation: true,
  });
  const t0 = performance.now();
  const frozen = await tasks.transition(actor, task.id, { action: 'freeze', version: task.version });
  const t1 = performance.now();
  const drawn = await tasks.transition(actor, task.id, { action: 'draw', version: frozen.version });
  const t2 = performance.now();
  return {
    freeze: (t1 - t0) / 1000,
    draw: (t2 - t1) / 1000,
    drawn: drawn.draw!.drawnCount!,
    pool: frozen.draw!.poolSize,
  };
}

/** Issue 4 item 9: a 5 % draw over the whole register with inspector assignment, end to end, ≤ 2 s. */
export const spotcheckScaleScenario: Scenario = async (ctx) => {
  await loadBenchRegister(ctx);
  ctx.log('risk classes and inspector pool');
  await prepareRiskClasses(ctx.db);
  return measureDraws(ctx.db, { name: '全区存续市场主体', filter: { statuses: ['active'] } }, '≤ 2');
};

export const DRAWS = [
  ['uniform 5 %', { A: 5, B: 5, C: 5, D: 5 }],
  ['stratified 3/5/10/20 %', { A: 3, B: 5, C: 10, D: 20 }],
] as const;

/** The uniform and the risk-stratified 5 % draws over one pool, each timed end to end (freeze, draw, assignment). */
export async function measureDraws(
  db: Db,
  poolSpec: Parameters<ReturnType<typeof createCatalogService>['createPool']>[1],
  target: string,
  draws: readonly (readonly [string, Record<'A' | 'B' | 'C' | 'D', number>])[] = DRAWS,
): Promise<{ rows: ResultRow[]; detail: Record<string, unknown> }> {
  const { admin } = await benchActors(db);
  const catalog = createCatalogService(db);
  const pool = await catalog.createPool(admin, poolSpec);
  const rows: ResultRow[] = [];
  const detail: Record<string, unknown> = {};
  for (const [label, ratios] of draws) {
    // A plan per draw, so the second draw does not merge into the first one's visits.
    const plan = await catalog.createPlan(admin, { name: label, periodStart: '2026-01-01', periodEnd: '2026-12-31' });
    const load1 = loadavg()[0]!;
    const r = await timedDraw(db, admin, plan.id, pool.id, ratios);
    detail[label] = { ...r, load1 };
    const note = `pool ${r.pool.toLocaleString()}, drawn ${r.drawn.toLocaleString()}, 2 inspectors each; load ${load1.toFixed(1)}`;
    rows.push(
      { scenario: 'spotcheck', metric: `${label}: freeze pool (hash + commitment)`, value: r.freeze, unit: 's' },
      { scenario: 'spotcheck', metric: `${label}: draw + assignment + persist`, value: r.draw, unit: 's', note },
      { scenario: 'spotcheck', metric: `${label}: total`, value: r.freeze + r.draw, unit: 's', target },
    );
  }
  return { rows, detail };
}
