import type { Queryable } from '../../../db/client.ts';
import type { FoodGradingConfig } from '../../../domain/food-grading.ts';

/**
 * 年度等级 for every business at once (set-based, three statements in the caller's transaction): from the dynamic
 * grades of the window before `asOf`, the mean score gives A/B/C (any 不予评级 caps it at C when configured). Only
 * businesses whose grade, score or year changed get a new row; the old current one is superseded by it.
 */
export async function recomputeAnnual(
  tx: Queryable,
  p: { asOf: string; config: FoodGradingConfig; createdBy: number | null },
): Promise<{ considered: number; written: number }> {
  const year = Number(p.asOf.slice(0, 4));
  const c = p.config.annual;
  await tx.query('DROP TABLE IF EXISTS food_annual_calc');
  await tx.query(
    `CREATE TEMP TABLE food_annual_calc ON COMMIT DROP AS
     WITH win AS (
       SELECT g.business_id, round(avg(coalesce(g.score, 0)), 1) AS score, bool_or(g.grade = 'none') AS any_none
         FROM food_grades g
        WHERE g.kind = 'dynamic' AND g.status <> 'withdrawn'
          AND g.graded_on > ($1::date - make_interval(months => $2::int))::date AND g.graded_on <= $1::date
        GROUP BY g.business_id
     ), graded AS (
       SELECT business_id, score,
              CASE WHEN any_none AND $3::boolean THEN 'C' WHEN score >= $4 THEN 'A' WHEN score >= $5 THEN 'B' ELSE 'C' END
                AS grade
         FROM win
     )
     SELECT g.business_id, g.score, g.grade, cur.id AS old_id,
            (cur.id IS NULL OR cur.grade <> g.grade OR cur.year IS DISTINCT FROM $6::int
              OR cur.score IS DISTINCT FROM g.score) AS changed
       FROM graded g LEFT JOIN food_grades cur
         ON cur.business_id = g.business_id AND cur.kind = 'annual' AND cur.status = 'current'`,
    [p.asOf, c.windowMonths, c.noneCapsAtC, c.A, c.B, year],
  );
  // Planner statistics for the joins below (a temp table has none until analysed).
  await tx.query('ANALYZE food_annual_calc');
  const [{ considered, written }] = (await tx.query<{ considered: number; written: number }>(
    `SELECT count(*)::int AS considered, count(*) FILTER (WHERE changed)::int AS written FROM food_annual_calc`,
  )) as [{ considered: number; written: number }];
  if (!written) return { considered, written };
  await tx.query(
    `UPDATE food_grades g SET status = 'superseded', superseded_on = $1
       FROM food_annual_calc c WHERE c.changed AND g.id = c.old_id`,
    [p.asOf],
  );
  await tx.query(
    `WITH ins AS (
       INSERT INTO food_grades (business_id, kind, grade, score, year, graded_on, created_by)
       SELECT business_id, 'annual', grade, score, $2, $1, $3 FROM food_annual_calc WHERE changed
       RETURNING id, business_id)
     UPDATE food_grades g SET superseded_by = ins.id
       FROM ins JOIN food_annual_calc c ON c.business_id = ins.business_id
      WHERE g.id = c.old_id`,
    [p.asOf, year, p.createdBy],
  );
  return { considered, written };
}
