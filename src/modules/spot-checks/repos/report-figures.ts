import type { Queryable } from '../../../db/client.ts';

/**
 * 工作总结: spot-check visits inspected in the period, those with a problem result ($4: the problem categories of
 * src/domain/spot-check-workflow.ts), and those published.
 */
export const spotCheckFiguresSql = `
SELECT count(*)::int AS "inspected",
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM spot_check_results r
                                       WHERE r.visit_id = v.id AND r.category = ANY($4::text[])))::int AS "withProblem",
       count(*) FILTER (WHERE v.status = 'published')::int AS "published"
  FROM spot_check_visits v
 WHERE v.status IN ('inspected', 'published')
   AND v.inspected_on BETWEEN $1 AND $2
   AND ($3::bigint[] IS NULL OR v.station_id = ANY($3::bigint[]))`;

export interface SpotCheckFigureRow {
  inspected: number;
  withProblem: number;
  published: number;
}

export async function spotCheckFigures(
  db: Queryable,
  s: { from: string; to: string; unitIds: readonly number[] | null },
  problemCategories: readonly string[],
): Promise<SpotCheckFigureRow> {
  const [row] = await db.query<SpotCheckFigureRow>(spotCheckFiguresSql, [s.from, s.to, s.unitIds, problemCategories]);
  return row as SpotCheckFigureRow;
}
