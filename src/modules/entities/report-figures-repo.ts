import type { Queryable } from '../../db/client.ts';

/** 工作总结: market entities at the end of the period and those established in it, by type. */
export const entityFiguresSql = `
SELECT count(*) FILTER (WHERE e.established_on <= $2 AND e.status IN ('active', 'suspended'))::int AS "total",
       count(*) FILTER (WHERE e.established_on BETWEEN $1 AND $2)::int AS "newTotal",
       count(*) FILTER (WHERE e.established_on BETWEEN $1 AND $2 AND e.type = 'enterprise')::int AS "newEnterprise",
       count(*) FILTER (WHERE e.established_on BETWEEN $1 AND $2 AND e.type = 'individualBusiness')::int AS "newIndividual",
       count(*) FILTER (WHERE e.established_on BETWEEN $1 AND $2 AND e.type = 'farmerCooperative')::int AS "newCooperative"
  FROM entities e
 WHERE ($3::bigint[] IS NULL OR e.station_id = ANY($3::bigint[]))`;

export interface EntityFigureRow {
  total: number;
  newTotal: number;
  newEnterprise: number;
  newIndividual: number;
  newCooperative: number;
}

export async function entityFigures(
  db: Queryable,
  from: string,
  to: string,
  unitIds: readonly number[] | null,
): Promise<EntityFigureRow> {
  const [row] = await db.query<EntityFigureRow>(entityFiguresSql, [from, to, unitIds]);
  return row as EntityFigureRow;
}
