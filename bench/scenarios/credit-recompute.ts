import { loadavg } from 'node:os';
import { seedCreditFacts } from '../../src/demo/demo-credit-repo.ts';
import { shanghaiToday } from '../../src/domain/deadlines.ts';
import { defaultRiskModel } from '../../src/domain/risk-model.ts';
import { recomputeAllEntities } from '../../src/modules/credit/services/risk.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type ScenarioContext, type ScenarioResult } from '../lib/scenario.ts';

/**
 * 信用风险分类 full recompute at --entities N: the demo credit facts (two years of annual reports, abnormal
 * listings) over the register, then the set-based recompute three times: first (every row inserted; a history row
 * only for a change of class), unchanged (nothing written), and under a changed model (every score changes).
 */
export async function creditRecomputeScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  await loadBenchRegister(ctx);
  const today = shanghaiToday();
  log('credit facts (annual reports, listings)');
  const t = performance.now();
  const facts = await db.transaction((tx) => seedCreditFacts(tx, today));
  await db.exec('ANALYZE annual_reports, credit_listings');
  const factSeconds = (performance.now() - t) / 1000;
  const measured = await measureRecompute(ctx, today, ['first', 'unchanged', 'new model'], '≤ 60');
  const rows = measured.rows;
  rows.push({ scenario: 'credit-recompute', metric: 'credit facts seeded', value: factSeconds, unit: 's' });
  return { rows, detail: { facts, ...measured.detail } };
}

/** The set-based full recompute, the chosen passes in order: first, unchanged (nothing written), new model. */
export async function measureRecompute(
  ctx: ScenarioContext,
  today: string,
  passes: readonly ('first' | 'unchanged' | 'new model')[],
  target: string,
): Promise<{ rows: ResultRow[]; detail: Record<string, unknown> }> {
  const { db, log } = ctx;
  const runs: Record<string, Awaited<ReturnType<typeof recomputeAllEntities>> & { load1: number }> = {};
  const changed = { ...defaultRiskModel, version: 2, thresholds: { B: 8, C: 28, D: 48 } };
  const models = { first: defaultRiskModel, unchanged: defaultRiskModel, 'new model': changed };
  for (const name of passes) {
    const model = models[name];
    log(`recompute: ${name}`);
    const load1 = loadavg()[0]!;
    runs[name] = { ...(await recomputeAllEntities(db, model, today)), load1 };
    log(`  ${runs[name].seconds.toFixed(1)} s, ${runs[name].updated.toLocaleString()} written`);
  }
  const dist = await db.query<{ c: string; n: number }>(
    'SELECT risk_class AS c, count(*)::int AS n FROM entity_risk_classes GROUP BY 1 ORDER BY 1',
  );
  const rows: ResultRow[] = Object.entries(runs).map(([name, r]) => ({
    scenario: 'credit-recompute',
    metric: `full recompute, ${name} (${r.updated.toLocaleString()} rows written)`,
    value: r.seconds,
    unit: 's',
    target,
    note: `load avg ${r.load1.toFixed(1)} at start`,
  }));
  return { rows, detail: { runs, classes: Object.fromEntries(dist.map((r) => [r.c, r.n])) } };
}
