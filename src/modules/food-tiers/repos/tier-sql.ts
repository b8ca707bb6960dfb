import type { FoodIndicator, FoodRiskModel } from '../../../domain/food-risk-model.ts';

/**
 * The tier model (data) as one set-based statement per business range: the Art. 21 facts joined per business, each
 * indicator's points as a column, the score, the tier and the factor breakdown. Every model value is a bind
 * parameter. assessFoodRisk (src/domain/food-risk-model.ts) is the reference; food-tiers.api.test.ts checks both agree.
 */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Which businesses one statement covers: an id range (the full recompute in chunks) or a list. */
export type BusinessFilter = { from: number; to: number } | { ids: number[] };

function filterSql(p: Params, f: BusinessFilter, col: string): string {
  if ('ids' in f) return `${col} = ANY(${p.add(f.ids)}::bigint[])`;
  return `${col} >= ${p.add(f.from)} AND ${col} < ${p.add(f.to)}`;
}

/** One row per business with the facts of foodRiskFacts as columns, as of `today`. */
export function factsSelect(p: Params, f: BusinessFilter, today: string): string {
  const t = `${p.add(today)}::date`;
  return `SELECT fb.id AS business_id,
      COALESCE(lc.categories, '{}') AS categories,
      COALESCE(lk.kinds, '{}') AS "licenceKinds",
      COALESCE(st.n, 0) AS staff,
      li.result AS "lastResult",
      COALESCE(hi.failed, 0) AS "failed3y",
      COALESCE(hi.done, 0) = 0 AS "notInspected3y",
      rc.risk_class::text AS "creditClass",
      COALESCE(pn.n, 0) AS "penalties3y",
      gr.business_id IS NOT NULL AS "poorGrade"
    FROM food_businesses fb
    LEFT JOIN (SELECT fl.business_id, array_agg(DISTINCT c) AS categories
                 FROM food_licences fl CROSS JOIN LATERAL unnest(fl.categories) c
                WHERE fl.status = 'active' AND ${filterSql(p, f, 'fl.business_id')} GROUP BY fl.business_id) lc
      ON lc.business_id = fb.id
    LEFT JOIN (SELECT business_id, array_agg(DISTINCT kind) AS kinds FROM food_licences
                WHERE status = 'active' AND ${filterSql(p, f, 'business_id')} GROUP BY business_id) lk
      ON lk.business_id = fb.id
    LEFT JOIN (SELECT business_id, count(*)::int AS n FROM food_health_certificates
                WHERE status = 'active' AND valid_until >= ${t} AND ${filterSql(p, f, 'business_id')}
                GROUP BY business_id) st ON st.business_id = fb.id
    LEFT JOIN (SELECT DISTINCT ON (business_id) business_id, result FROM food_inspections
                WHERE status = 'done' AND result IS NOT NULL AND inspected_on <= ${t} AND ${filterSql(p, f, 'business_id')}
                ORDER BY business_id, inspected_on DESC, id DESC) li ON li.business_id = fb.id
    LEFT JOIN (SELECT business_id, count(*)::int AS done, count(*) FILTER (WHERE result = 'fail')::int AS failed
                 FROM food_inspections
                WHERE status = 'done' AND inspected_on > (${t} - interval '3 years')::date AND inspected_on <= ${t}
                  AND ${filterSql(p, f, 'business_id')} GROUP BY business_id) hi ON hi.business_id = fb.id
    -- The credit module's current class of the registry entity (entity_risk_classes, its published result).
    LEFT JOIN entity_risk_classes rc ON rc.entity_id = fb.entity_id
    -- case_penalty_facts is the cases module's published view (penalty decisions in force).
    LEFT JOIN (SELECT b.id AS business_id, count(*)::int AS n FROM case_penalty_facts cpf
                 JOIN food_businesses b ON b.entity_id = cpf.entity_id
                WHERE cpf.decided_on > (${t} - interval '3 years')::date AND ${filterSql(p, f, 'b.id')}
                GROUP BY b.id) pn ON pn.business_id = fb.id
    LEFT JOIN (SELECT business_id FROM food_grades
                WHERE kind = 'dynamic' AND status = 'current' AND grade IN ('fair', 'none')
                  AND ${filterSql(p, f, 'business_id')}) gr ON gr.business_id = fb.id
    WHERE ${filterSql(p, f, 'fb.id')}`;
}

function pointsSql(p: Params, ind: FoodIndicator): string {
  const col = `"${ind.fact}"`;
  switch (ind.kind) {
    case 'flag':
      return `CASE WHEN ${col} IS TRUE THEN ${p.add(ind.points)}::int ELSE 0 END`;
    case 'count':
      return `LEAST(${p.add(ind.cap)}::int, GREATEST(0, COALESCE(${col}, 0)) * ${p.add(ind.pointsEach)}::int)`;
    case 'match': {
      const keys = Object.keys(ind.table);
      if (keys.length === 0) return '0';
      return `CASE ${keys.map((k) => `WHEN ${col} = ${p.add(k)}::text THEN ${p.add(ind.table[k])}::int`).join(' ')} ELSE 0 END`;
    }
    case 'anyOf':
      return `COALESCE((SELECT max(t.v) FROM unnest(${p.add(Object.keys(ind.table))}::text[], ${p.add(Object.values(ind.table))}::int[]) AS t(k, v)
                         WHERE t.k = ANY(${col})), 0)`;
    case 'atLeast':
      return `COALESCE((SELECT max(s.pts) FROM unnest(${p.add(ind.steps.map((s) => s.min))}::numeric[], ${p.add(ind.steps.map((s) => s.points))}::int[]) AS s(lo, pts)
                         WHERE COALESCE(${col}, 0) >= s.lo), 0)`;
  }
}

/** business_id, score, tier, factors (jsonb code → points, zeros left out). */
export function tierSelect(p: Params, model: FoodRiskModel, facts: string): string {
  const cols = model.indicators.map((ind, i) => `(${pointsSql(p, ind)})::int AS p${i}`);
  const score = model.indicators.length ? model.indicators.map((_, i) => `p${i}`).join(' + ') : '0';
  const factors = model.indicators.length
    ? `jsonb_strip_nulls(jsonb_build_object(${model.indicators.map((ind, i) => `${p.add(ind.code)}::text, NULLIF(p${i}, 0)`).join(', ')}))`
    : `'{}'::jsonb`;
  const { B, C, D } = model.thresholds;
  return `SELECT business_id, score, factors,
      CASE WHEN score >= ${p.add(D)}::int THEN 'D' WHEN score >= ${p.add(C)}::int THEN 'C'
           WHEN score >= ${p.add(B)}::int THEN 'B' ELSE 'A' END AS tier
    FROM (SELECT business_id, (${score})::int AS score, ${factors} AS factors
            FROM (SELECT business_id${cols.map((c) => `, ${c}`).join('')} FROM (${facts}) facts) pts) scored`;
}

/** The whole recompute of the filtered businesses as ONE statement: tier, history on change, upsert. */
export function recomputeStatement(model: FoodRiskModel, f: BusinessFilter, today: string) {
  const p = new Params();
  const tiered = tierSelect(p, model, factsSelect(p, f, today));
  const v = p.add(model.version);
  const current = `SELECT business_id, tier, score, factors, model_version FROM food_risk_tiers WHERE ${filterSql(p, f, 'business_id')}`;
  const sql = `WITH tiered AS MATERIALIZED (${tiered}),
    changed AS (
      SELECT n.business_id, n.score, n.tier, n.factors, o.tier AS previous_tier
        FROM tiered n LEFT JOIN (${current}) o ON o.business_id = n.business_id
       WHERE o.business_id IS NULL OR o.tier <> n.tier OR o.score <> n.score OR o.model_version <> ${v}::int
          OR o.factors <> n.factors),
    hist AS (
      INSERT INTO food_risk_tier_history (business_id, tier, previous_tier, score, model_version)
      SELECT business_id, tier, previous_tier, score, ${v}::int FROM changed WHERE previous_tier IS DISTINCT FROM tier
      RETURNING 1),
    up AS (
      INSERT INTO food_risk_tiers (business_id, tier, score, factors, model_version, computed_at)
      SELECT business_id, tier, score, factors, ${v}::int, now() FROM changed
      ON CONFLICT (business_id) DO UPDATE SET tier = EXCLUDED.tier, score = EXCLUDED.score, factors = EXCLUDED.factors,
        model_version = EXCLUDED.model_version, computed_at = EXCLUDED.computed_at
      RETURNING 1)
    SELECT (SELECT count(*) FROM tiered)::int AS computed, (SELECT count(*) FROM up)::int AS updated,
           (SELECT count(*) FROM hist)::int AS "tierChanged"`;
  return { sql, params: p.values };
}
