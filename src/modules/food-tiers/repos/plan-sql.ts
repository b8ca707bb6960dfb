import { type FoodRiskModel, foodTiers, MAX_VISITS_PER_YEAR } from '../../../domain/food-risk-model.ts';
import { Params } from './tier-sql.ts';

export interface PlanInput {
  stationId: number;
  year: number;
  /** The working days the plan may use, ascending (from today or 1 January to 31 December, by the work calendar). */
  days: string[];
  today: string;
  createdBy: number | null;
}

/**
 * The yearly plan of one station, computed set-based into the temp table food_plan_final (business_id, seq,
 * full_scope, d, moved; d NULL = skipped) for the statements below. Per business: visits a year from its tier (the
 * band's lower end after a passed inspection in the past 12 months, else the upper end) less the routine inspections
 * of the year already started or done; the first is full scope when the last done full-scope inspection is older than
 * `fullScopeYears` by the year's end (Art. 22). Visits are spread over the working days: each business's n visits at
 * (k + phase) / n of the days, the phase its rank among the same inspector's businesses with the same n, so every
 * inspector's load is level across the months. A visit inside the quiet period after a higher level's done
 * inspection (Art. 42) moves to the first working day after it, or is skipped when none is left in the year.
 */
export function planFinalStatement(model: FoodRiskModel, input: PlanInput) {
  const p = new Params();
  const s = `${p.add(input.stationId)}::bigint`;
  const y = `${p.add(input.year)}::int`;
  const t = `${p.add(input.today)}::date`;
  const days = `${p.add(input.days)}::date[]`;
  const tiers = p.add([...foodTiers]);
  const mins = p.add(foodTiers.map((k) => model.visitsPerYear[k].min));
  const maxs = p.add(foodTiers.map((k) => model.visitsPerYear[k].max));
  const yearStart = `make_date(${y}, 1, 1)`;
  const yearEnd = `make_date(${y}, 12, 31)`;
  const fullYears = `make_interval(years => ${p.add(model.fullScopeYears)}::int)`;
  const quiet = `make_interval(months => ${p.add(model.higherLevelQuietMonths)}::int)`;
  const sql = `CREATE TEMP TABLE food_plan_final ON COMMIT DROP AS WITH biz AS MATERIALIZED (
      SELECT fb.id AS business_id, fb.inspector_id, COALESCE(rt.tier, 'B') AS tier
        FROM food_businesses fb LEFT JOIN food_risk_tiers rt ON rt.business_id = fb.id
       WHERE fb.station_id = ${s}),
    hist AS (
      SELECT fi.business_id,
        (array_agg(fi.result ORDER BY fi.inspected_on DESC, fi.id DESC)
           FILTER (WHERE fi.status = 'done' AND fi.kind <> 'higher' AND fi.inspected_on > (${t} - interval '1 year')::date))[1]
          = 'pass' AS passed,
        max(fi.inspected_on) FILTER (WHERE fi.status = 'done' AND fi.full_scope) AS last_full,
        bool_or(fi.full_scope AND fi.kind = 'routine' AND fi.status = 'inProgress') AS full_started,
        count(*) FILTER (WHERE fi.kind = 'routine' AND (fi.plan_year = ${y}
          OR (fi.plan_year IS NULL AND COALESCE(fi.inspected_on, fi.planned_on) BETWEEN ${yearStart} AND ${yearEnd})))::int
          AS taken,
        max(fi.inspected_on) FILTER (WHERE fi.kind = 'higher' AND fi.level <> 'district' AND fi.status = 'done')
          AS last_higher
        FROM food_inspections fi
       WHERE fi.business_id IN (SELECT business_id FROM biz) AND fi.status IN ('done', 'inProgress')
       GROUP BY fi.business_id),
    need AS (
      SELECT b.business_id, b.inspector_id,
        GREATEST(0, (CASE WHEN h.passed THEN m.lo ELSE m.hi END) - COALESCE(h.taken, 0)) AS n,
        (h.last_full IS NULL OR (h.last_full + ${fullYears})::date <= ${yearEnd}) AND h.full_started IS NOT TRUE
          AS needs_full,
        (h.last_higher + ${quiet})::date AS quiet_end, h.last_higher
        FROM biz b
        JOIN unnest(${tiers}::text[], ${mins}::int[], ${maxs}::int[]) AS m(tier, lo, hi) ON m.tier = b.tier
        LEFT JOIN hist h ON h.business_id = b.business_id),
    ranked AS (
      SELECT *, (row_number() OVER w - 1)::numeric / count(*) OVER w AS phase
        FROM need WHERE n > 0
      WINDOW w AS (PARTITION BY inspector_id, n ORDER BY business_id)),
    slots AS (
      SELECT r.business_id, k AS seq, r.needs_full AND k = 1 AS full_scope, r.last_higher, r.quiet_end,
        (${days})[1 + floor(((k - 1) + r.phase) / r.n * cardinality(${days}))::int] AS d
        -- generate_series over constants, not LATERAL (1, r.n): the planner then expects ≤ 12 rows per business, not
        -- 1000, and keeps the cleanup's NOT IN hashed (a 1000× estimate made it a quadratic plain subplan).
        FROM ranked r JOIN generate_series(1, ${MAX_VISITS_PER_YEAR}) AS k ON k <= r.n),
    final AS (
      SELECT business_id, seq, full_scope,
        CASE WHEN d >= last_higher AND d < quiet_end
             THEN (SELECT min(x) FROM unnest(${days}) AS x WHERE x >= quiet_end) ELSE d END AS d,
        d >= last_higher AND d < quiet_end AS moved
        FROM slots)
    SELECT business_id, seq, full_scope, d, moved FROM final`;
  return { sql, params: p.values };
}

/**
 * Rows are keyed (business, plan_year, plan_seq): regenerating updates planned rows in place (only those that
 * changed), deletes planned rows no longer wanted and never touches a row that was started, done or cancelled.
 * food_plan_final is indexed and analysed first: the anti-join of the delete then probes the index whatever the
 * planner believes of food_inspections (right after a generation its statistics still say "no planned rows", and a
 * NOT IN over a CTE too big for work_mem rescanned the CTE per row: minutes per station on a regeneration).
 */
export const planApplyStatements = {
  index: 'CREATE INDEX ON food_plan_final (business_id, seq)',
  analyse: 'ANALYZE food_plan_final',
  upsert: `WITH upserted AS (
      INSERT INTO food_inspections (business_id, kind, full_scope, status, planned_on, station_id, created_by,
                                    plan_year, plan_seq)
      SELECT business_id, 'routine', full_scope, 'planned', d, $1::bigint, $3::bigint, $2::int, seq
        FROM food_plan_final WHERE d IS NOT NULL
      ON CONFLICT (business_id, plan_year, plan_seq) WHERE status = 'planned' AND plan_year IS NOT NULL
      DO UPDATE SET planned_on = EXCLUDED.planned_on, full_scope = EXCLUDED.full_scope,
                    version = food_inspections.version + 1
        WHERE food_inspections.planned_on IS DISTINCT FROM EXCLUDED.planned_on
           OR food_inspections.full_scope IS DISTINCT FROM EXCLUDED.full_scope
      RETURNING (xmax = 0) AS inserted)
    SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated
      FROM upserted`,
  remove: `WITH removed AS (
      DELETE FROM food_inspections fi
       WHERE fi.station_id = $1::bigint AND fi.plan_year = $2::int AND fi.status = 'planned' AND fi.kind = 'routine'
         AND NOT EXISTS (SELECT 1 FROM food_plan_final f
                          WHERE f.business_id = fi.business_id AND f.seq = fi.plan_seq AND f.d IS NOT NULL)
      RETURNING 1)
    SELECT count(*)::int AS removed FROM removed`,
  counts: `SELECT (SELECT count(*) FROM food_businesses WHERE station_id = $1::bigint)::int AS businesses,
      count(*) FILTER (WHERE d IS NOT NULL)::int AS planned,
      count(*) FILTER (WHERE d IS NOT NULL AND full_scope)::int AS "fullScope",
      count(*) FILTER (WHERE moved AND d IS NOT NULL)::int AS moved,
      count(*) FILTER (WHERE d IS NULL)::int AS skipped
    FROM food_plan_final`,
};
