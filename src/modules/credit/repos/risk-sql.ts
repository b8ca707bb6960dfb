import { REPORT_YEARS_COUNTED } from '../../../domain/credit-rules.ts';
import type { Indicator, RiskModel } from '../../../domain/risk-model.ts';

/**
 * Turns the indicator model (data) into one set-based statement: facts joined per entity, the score as a sum of
 * CASE expressions, the class from the thresholds. Every model value is a bind parameter, never SQL text.
 * assessRisk in src/domain/risk-model.ts is the reference; credit-risk.api.test.ts shows both agree.
 */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Which entities one statement covers: an id range (full recompute in chunks) or a list (the outbox). */
export type EntityFilter = { from: number; to: number } | { ids: number[] };

function filterSql(p: Params, f: EntityFilter, col: string): string {
  if ('ids' in f) return `${col} = ANY(${p.add(f.ids)}::bigint[])`;
  return `${col} >= ${p.add(f.from)} AND ${col} < ${p.add(f.to)}`;
}

/** SELECT of every fact per entity, as of `today` (Asia/Shanghai date). Column names are the fact names. */
export function factsSelect(p: Params, f: EntityFilter, today: string, latestYear: number): string {
  const t = `${p.add(today)}::date`;
  const years = Array.from({ length: REPORT_YEARS_COUNTED }, (_, i) => latestYear - i);
  const filed = years.map((y, i) => `bool_or(report_year = ${p.add(y)}) AS f${i}`).join(', ');
  const missed = years
    .map(
      (y, i) =>
        `CASE WHEN e.established_on <= make_date(${p.add(y)}, 12, 31) AND ar.f${i} IS NOT TRUE THEN 1 ELSE 0 END`,
    )
    .join(' + ');
  return `SELECT e.id AS entity_id,
      sl.entity_id IS NOT NULL AS "seriousViolation",
      al.entity_id IS NOT NULL AS "abnormalListed",
      COALESCE(pn.n, 0) AS "penalties3y",
      COALESCE(fc.n, 0) AS "failedChecks2y",
      COALESCE(cp.n, 0) AS "complaints1y",
      (${missed}) AS "annualReportsMissed",
      e.established_on > (${t} - interval '1 year')::date AS "youngerThanOneYear",
      e.industry_code AS "industryCode"
    FROM entities e
    LEFT JOIN (SELECT DISTINCT entity_id FROM credit_listings
                WHERE list = 'serious' AND status = 'listed' AND ${filterSql(p, f, 'entity_id')}) sl ON sl.entity_id = e.id
    LEFT JOIN (SELECT DISTINCT entity_id FROM credit_listings
                WHERE list = 'abnormal' AND status = 'listed' AND ${filterSql(p, f, 'entity_id')}) al ON al.entity_id = e.id
    -- case_penalty_facts is the cases module's published view (penalty decisions in force): the credit module
    -- reads it, never the cases tables, so the cases module keeps its tables to itself.
    LEFT JOIN (SELECT entity_id, count(*)::int AS n FROM case_penalty_facts
                WHERE decided_on > (${t} - interval '3 years')::date AND ${filterSql(p, f, 'entity_id')}
                GROUP BY entity_id) pn ON pn.entity_id = e.id
    LEFT JOIN (SELECT entity_id, count(*)::int AS n FROM case_leads
                WHERE source_type = 'inspection' AND created_at >= (${t} - interval '2 years')
                  AND ${filterSql(p, f, 'entity_id')} GROUP BY entity_id) fc ON fc.entity_id = e.id
    LEFT JOIN (SELECT entity_id, count(*)::int AS n FROM complaints
                WHERE received_on > (${t} - interval '1 year')::date AND ${filterSql(p, f, 'entity_id')}
                GROUP BY entity_id) cp ON cp.entity_id = e.id
    LEFT JOIN (SELECT entity_id, ${filed} FROM annual_reports
                WHERE report_year >= ${p.add(latestYear - REPORT_YEARS_COUNTED + 1)} AND ${filterSql(p, f, 'entity_id')}
                GROUP BY entity_id) ar ON ar.entity_id = e.id
    WHERE ${filterSql(p, f, 'e.id')}`;
}

function pointsSql(p: Params, ind: Indicator): string {
  const col = `"${ind.fact}"`;
  switch (ind.kind) {
    case 'flag':
      return `CASE WHEN ${col} IS TRUE THEN ${p.add(ind.points)}::int ELSE 0 END`;
    case 'count':
      return `LEAST(${p.add(ind.cap)}::int, GREATEST(0, COALESCE(${col}, 0)) * ${p.add(ind.pointsEach)}::int)`;
    case 'prefix': {
      // Longest prefix first, as assessRisk does.
      const keys = Object.keys(ind.table).sort((a, b) => b.length - a.length);
      if (keys.length === 0) return '0';
      const whens = keys.map((k) => `WHEN starts_with(${col}, ${p.add(k)}::text) THEN ${p.add(ind.table[k])}::int`);
      return `CASE ${whens.join(' ')} ELSE 0 END`;
    }
  }
}

/** Score and class per entity: SELECT entity_id, score, risk_class. */
export function classifySelect(p: Params, model: RiskModel, facts: string): string {
  const score = model.indicators.length ? model.indicators.map((ind) => pointsSql(p, ind)).join(' + ') : '0';
  const { B, C, D } = model.thresholds;
  return `SELECT entity_id, score,
      CASE WHEN score >= ${p.add(D)}::int THEN 'D' WHEN score >= ${p.add(C)}::int THEN 'C'
           WHEN score >= ${p.add(B)}::int THEN 'B' ELSE 'A' END AS risk_class
    FROM (SELECT entity_id, (${score})::int AS score FROM (${facts}) facts) scored`;
}

/**
 * The whole recompute for the filtered entities as ONE statement: classify, write history for class changes,
 * upsert the current class where anything changed. Returns counts.
 */
export function recomputeStatement(model: RiskModel, f: EntityFilter, today: string, latestYear: number) {
  const p = new Params();
  const classified = classifySelect(p, model, factsSelect(p, f, today, latestYear));
  const v = p.add(model.version);
  // The current rows of the same entities only: joining the whole table would scan it once per chunk.
  const current = `SELECT entity_id, risk_class, score, model_version FROM entity_risk_classes WHERE ${filterSql(p, f, 'entity_id')}`;
  const sql = `WITH classed AS MATERIALIZED (${classified}),
    changed AS (
      SELECT n.entity_id, n.score, n.risk_class, o.risk_class AS previous_class
        FROM classed n LEFT JOIN (${current}) o ON o.entity_id = n.entity_id
       WHERE o.entity_id IS NULL OR o.risk_class <> n.risk_class OR o.score <> n.score OR o.model_version <> ${v}::int),
    hist AS (
      INSERT INTO risk_class_history (entity_id, risk_class, previous_class, score, model_version)
      SELECT entity_id, risk_class, previous_class, score, ${v}::int FROM changed
       WHERE previous_class IS DISTINCT FROM risk_class
      RETURNING 1),
    up AS (
      INSERT INTO entity_risk_classes (entity_id, risk_class, score, model_version, computed_at)
      SELECT entity_id, risk_class, score, ${v}::int, now() FROM changed
      ON CONFLICT (entity_id) DO UPDATE SET risk_class = EXCLUDED.risk_class, score = EXCLUDED.score,
        model_version = EXCLUDED.model_version, computed_at = EXCLUDED.computed_at
      RETURNING 1)
    SELECT (SELECT count(*) FROM classed)::int AS computed, (SELECT count(*) FROM up)::int AS updated,
           (SELECT count(*) FROM hist)::int AS "classChanged"`;
  return { sql, params: p.values };
}
