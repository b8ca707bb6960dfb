import type { Queryable } from '../../../db/client.ts';
import { ident, literal } from './identifiers.ts';

export interface RegionFigures {
  cityCode: string;
  entities: number;
  activeEntities: number;
  abnormalListed: number;
  spotCheckVisits: number;
  complaints: number;
  cases: number;
  finesFen: number;
}

/**
 * The province's figures per city. One SELECT per city on its foreign schema, so postgres_fdw runs each count in
 * the city's replica database and sends back one row (a GROUP BY over the rollup.* union views would fetch every
 * row first); the branches are glued with UNION ALL, city_code first, as in the views.
 */
export async function regionFigures(db: Queryable, codes: readonly string[]): Promise<RegionFigures[]> {
  if (!codes.length) return [];
  const branch = (code: string) => {
    const s = ident(`city_${code}`);
    return `SELECT ${literal(code)}::text AS "cityCode",
      (SELECT count(*) FROM ${s}.entities)::int AS entities,
      (SELECT count(*) FROM ${s}.entities WHERE status = 'active')::int AS "activeEntities",
      (SELECT count(*) FROM ${s}.credit_listings WHERE list = 'abnormal' AND status = 'listed')::int AS "abnormalListed",
      (SELECT count(*) FROM ${s}.spot_check_visits)::int AS "spotCheckVisits",
      (SELECT count(*) FROM ${s}.complaints)::int AS complaints,
      (SELECT count(*) FROM ${s}.cases)::int AS cases,
      (SELECT coalesce(sum(amount_fen), 0) FROM ${s}.case_penalties WHERE kind = 'fine')::bigint AS "finesFen"`;
  };
  return db.query<RegionFigures>(codes.map(branch).join('\nUNION ALL\n'));
}
