import { Rng } from '../../src/demo/random.ts';
import {
  drawEntities,
  type PoolEntry,
  type Ratios,
  RISK_CLASSES,
  sampleSize,
} from '../../src/domain/spot-check-draw.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type Scenario } from '../lib/scenario.ts';

/**
 * Issue 4 item 8: does risk-stratified selection find more violations than uniform random at equal capacity,
 * and what does it cost in fairness? On the generated district (active entities only):
 *
 * - Observed risk features (what a credit model sees): individual business, young (< 2 y, < 5 y), food or
 *   licensed activity, small registered capital. Their weighted sum is the model score; classes A–D are its
 *   quantiles (A lowest 30 %, B 45 %, C 15 %, D highest 10 %).
 * - Hidden violation propensity p = logistic(a + 0.9·z_model + 0.9·z_hidden), where z_hidden is a per-entity
 *   factor the model cannot see (management quality, say), drawn independently. So the model score is
 *   correlated with p but imperfectly (the measured correlation is printed); `a` puts the mean p near 10 %.
 * - Capacity: 5 % of the pool. Arms: uniform random; risk-stratified (ratios 3/5/10/20 % scaled to the same
 *   capacity); risk-ranked (top 5 % by model score); ranked with a floor (1 % uniform, the rest ranked, after
 *   Hino et al.). Violations found are expectations Σ π_i·p_i over exact inclusion probabilities π_i (no
 *   sampling noise); one real draw of the stratified arm through drawEntities checks the expectation.
 */
interface Row {
  id: number;
  score: number;
  p: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const standardise = (xs: number[]) => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length) || 1;
  return xs.map((x) => (x - mean) / sd);
};
const correlation = (xs: number[], ys: number[]) => {
  const [a, b] = [standardise(xs), standardise(ys)];
  return a.reduce((s, x, i) => s + x * b[i]!, 0) / a.length;
};
/** Standard normal from two uniforms (Box–Muller), deterministic through the seeded Rng. */
const normal = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

function classify(rows: Row[]): Map<number, PoolEntry['riskClass']> {
  const sorted = [...rows].sort((a, b) => a.score - b.score || a.id - b.id);
  const cuts = [0.3, 0.75, 0.9, 1];
  return new Map(
    sorted.map((r, i) => [r.id, RISK_CLASSES[cuts.findIndex((c) => (i + 1) / sorted.length <= c)]!] as const),
  );
}

/** The stratified ratios scaled by λ so the draw size matches the capacity (bisection on λ). */
function scaledRatios(counts: Record<string, number>, base: Ratios, capacity: number): Ratios {
  let [lo, hi] = [0, 100];
  const size = (l: number) =>
    RISK_CLASSES.reduce((n, c) => n + sampleSize(counts[c] ?? 0, Math.min(1, base[c] * l)), 0);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (size(mid) < capacity) lo = mid;
    else hi = mid;
  }
  return Object.fromEntries(RISK_CLASSES.map((c) => [c, Math.min(1, base[c] * hi)])) as Ratios;
}

export const targetingScenario: Scenario = async (ctx) => {
  await loadBenchRegister(ctx);
  const features = await ctx.db.query<{
    id: number;
    individual: boolean;
    ageDays: number;
    food: boolean;
    capitalFen: number | null;
  }>(
    `SELECT e.id, e.type = 'individualBusiness' AS individual, (current_date - e.established_on) AS "ageDays",
            (e.industry_code ~ '^(13|14|62)' OR e.industry_code IN ('5127', '5129')
              OR EXISTS (SELECT 1 FROM entity_licences l WHERE l.entity_id = e.id)) AS food,
            e.registered_capital_fen AS "capitalFen"
       FROM entities e WHERE e.status = 'active' ORDER BY e.id`,
  );
  const rng = new Rng(ctx.seed * 7919 + 8);
  const raw = features.map(
    (f) =>
      0.6 * Number(f.individual) +
      (f.ageDays < 730 ? 1 : f.ageDays < 1825 ? 0.5 : 0) +
      0.8 * Number(f.food) +
      0.4 * Number((f.capitalFen ?? 0) < 10_000_000),
  );
  const zModel = standardise(raw);
  const zHidden = features.map(() => normal(rng));
  const a = -2.75;
  const rows: Row[] = features.map((f, i) => ({
    id: f.id,
    score: raw[i]!,
    p: logistic(a + 0.9 * zModel[i]! + 0.9 * zHidden[i]!),
  }));
  const n = rows.length;
  const capacity = Math.round(n * 0.05);
  const classes = classify(rows);
  const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const c of classes.values()) counts[c]!++;
  const ratios = scaledRatios(counts, { A: 0.03, B: 0.05, C: 0.1, D: 0.2 }, capacity);

  // Exact inclusion probabilities per arm.
  const ranked = [...rows].sort((x, y) => y.score - x.score || x.id - y.id);
  const rankOf = new Map(ranked.map((r, i) => [r.id, i]));
  const floorShare = 0.01;
  const arms: [string, (r: Row) => number][] = [
    ['uniform random', () => capacity / n],
    [
      'risk-stratified',
      (r) => sampleSize(counts[classes.get(r.id)!]!, ratios[classes.get(r.id)!]) / counts[classes.get(r.id)!]!,
    ],
    ['risk-ranked (top 5 %)', (r) => (rankOf.get(r.id)! < capacity ? 1 : 0)],
    [
      'ranked with 1 % floor',
      (r) => {
        const rankedCapacity = capacity - Math.round(n * floorShare);
        return rankOf.get(r.id)! < rankedCapacity ? 1 : floorShare * (n / (n - rankedCapacity));
      },
    ],
  ];
  const totalViolations = rows.reduce((s, r) => s + r.p, 0);
  const out: ResultRow[] = [];
  const detail: Record<string, unknown> = {
    pool: n,
    capacity,
    meanPropensity: totalViolations / n,
    correlationScorePropensity: correlation(
      rows.map((r) => r.score),
      rows.map((r) => r.p),
    ),
    classCounts: counts,
    stratifiedRatios: ratios,
  };
  let randomRate = 0;
  for (const [name, pi] of arms) {
    const inspections = rows.reduce((s, r) => s + pi(r), 0);
    const found = rows.reduce((s, r) => s + pi(r) * r.p, 0);
    const rate = found / inspections;
    if (name === 'uniform random') randomRate = rate;
    const floor = rows.reduce((m, r) => Math.min(m, pi(r)), 1);
    out.push(
      {
        scenario: 'targeting',
        metric: `${name}: violations per inspection`,
        value: rate,
        unit: '',
        note: `${Math.round(inspections)} inspections`,
      },
      { scenario: 'targeting', metric: `${name}: lift over random`, value: rate / randomRate, unit: '×' },
      { scenario: 'targeting', metric: `${name}: min inspection probability`, value: floor * 100, unit: '%' },
      {
        scenario: 'targeting',
        metric: `${name}: share of all violations found`,
        value: (found / totalViolations) * 100,
        unit: '%',
      },
    );
  }
  // One real stratified draw: violations realised with the hidden propensities, against the expectation above.
  const pool = rows.map((r) => ({ id: r.id, riskClass: classes.get(r.id)! }));
  const drawn = new Set(drawEntities('ab'.repeat(32), pool, ratios));
  const real = new Rng(99);
  const hits = rows.filter((r) => drawn.has(r.id) && real.next() < r.p).length;
  out.push({
    scenario: 'targeting',
    metric: 'risk-stratified: one real draw, violations per inspection',
    value: hits / drawn.size,
    unit: '',
    note: `${drawn.size} drawn by shijian-draw-v1`,
  });
  out.push({
    scenario: 'targeting',
    metric: 'correlation(model score, hidden propensity)',
    value: detail.correlationScorePropensity as number,
    unit: '',
    note: 'imperfect on purpose',
  });
  return { rows: out, detail };
};
