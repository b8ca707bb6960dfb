import type { Queryable } from '../../../db/client.ts';
import { resultCategories } from '../../../domain/spot-check-workflow.ts';
import { ident, literal } from './identifiers.ts';

export interface RegionFigures {
  cityCode: string;
  entities: number;
  activeEntities: number;
  abnormalListed: number;
  spotCheckVisits: number;
  /** Visits inspected or published (results recorded). */
  spotCheckInspected: number;
  /** Inspected visits with at least one result that is a problem (发现问题, 无法联系, 不配合 …). */
  spotCheckProblemVisits: number;
  complaints: number;
  cases: number;
  finesFen: number;
  /** Entities per credit risk class (A best … D worst), from entity_risk_classes. */
  riskA: number;
  riskB: number;
  riskC: number;
  riskD: number;
}

/** Result codes that count as a problem found, from the one vocabulary (src/domain/spot-check-workflow.ts). */
const PROBLEM_CODES = resultCategories.filter((c) => c.problem).map((c) => c.code);

/**
 * The province's figures per city. One SELECT per city on its foreign schema, so postgres_fdw runs each count in
 * the city's replica database and sends back one row (a GROUP BY over the rollup.* union views would fetch every
 * row first); the branches are glued with UNION ALL, city_code first, as in the views.
 */
export async function regionFigures(db: Queryable, codes: readonly string[]): Promise<RegionFigures[]> {
  if (!codes.length) return [];
  const problems = `ARRAY[${PROBLEM_CODES.map(literal).join(', ')}]::text[]`;
  const branch = (code: string) => {
    const s = ident(`city_${code}`);
    const risk = (c: string) => `(SELECT count(*) FROM ${s}.entity_risk_classes WHERE risk_class = '${c}')::int`;
    return `SELECT ${literal(code)}::text AS "cityCode",
      (SELECT count(*) FROM ${s}.entities)::int AS entities,
      (SELECT count(*) FROM ${s}.entities WHERE status = 'active')::int AS "activeEntities",
      (SELECT count(*) FROM ${s}.credit_listings WHERE list = 'abnormal' AND status = 'listed')::int AS "abnormalListed",
      (SELECT count(*) FROM ${s}.spot_check_visits)::int AS "spotCheckVisits",
      (SELECT count(*) FROM ${s}.spot_check_visits WHERE status IN ('inspected', 'published'))::int
        AS "spotCheckInspected",
      (SELECT count(DISTINCT visit_id) FROM ${s}.spot_check_results WHERE category = ANY (${problems}))::int
        AS "spotCheckProblemVisits",
      (SELECT count(*) FROM ${s}.complaints)::int AS complaints,
      (SELECT count(*) FROM ${s}.cases)::int AS cases,
      (SELECT coalesce(sum(amount_fen), 0) FROM ${s}.case_penalties WHERE kind = 'fine')::bigint AS "finesFen",
      ${risk('A')} AS "riskA", ${risk('B')} AS "riskB", ${risk('C')} AS "riskC", ${risk('D')} AS "riskD"`;
  };
  const rows = await db.query<RegionFigures>(codes.map(branch).join('\nUNION ALL\n'));
  // bigint arrives as a string from node-postgres.
  return rows.map((r) => ({ ...r, finesFen: Number(r.finesFen) }));
}

export interface MonthCount {
  cityCode: string;
  /** YYYY-MM */
  month: string;
  count: number;
}

/**
 * 12315 items received per month since `fromDate` (the first day of a month), per city: one grouped SELECT per
 * city on its foreign schema (postgres_fdw sends the GROUP BY to the replica), glued with UNION ALL.
 */
export async function complaintsByMonth(
  db: Queryable,
  codes: readonly string[],
  fromDate: string,
): Promise<MonthCount[]> {
  if (!codes.length) return [];
  const branch = (code: string) =>
    `SELECT ${literal(code)}::text AS "cityCode", to_char(date_trunc('month', received_on), 'YYYY-MM') AS month,
            count(*)::int AS count
       FROM ${ident(`city_${code}`)}.complaints WHERE received_on >= $1::date GROUP BY 2`;
  return db.query<MonthCount>(`${codes.map(branch).join('\nUNION ALL\n')} ORDER BY 1, 2`, [fromDate]);
}
