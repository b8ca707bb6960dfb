import type { Queryable } from '../../../db/client.ts';

/** 工作总结: entities put on (listed_on in the period) and taken off (removed_on) the two credit lists. */
export const creditFiguresSql = `
SELECT count(*) FILTER (WHERE l.list = 'abnormal' AND l.listed_on BETWEEN $1 AND $2)::int AS "abnormalListed",
       count(*) FILTER (WHERE l.list = 'abnormal' AND l.removed_on BETWEEN $1 AND $2)::int AS "abnormalRemoved",
       count(*) FILTER (WHERE l.list = 'serious' AND l.listed_on BETWEEN $1 AND $2)::int AS "seriousListed"
  FROM credit_listings l
 WHERE l.status IN ('listed', 'removed')
   AND (l.listed_on BETWEEN $1 AND $2 OR l.removed_on BETWEEN $1 AND $2)
   AND ($3::bigint[] IS NULL OR l.station_id = ANY($3::bigint[]))`;

export interface CreditFigureRow {
  abnormalListed: number;
  abnormalRemoved: number;
  seriousListed: number;
}

export async function creditFigures(
  db: Queryable,
  from: string,
  to: string,
  unitIds: readonly number[] | null,
): Promise<CreditFigureRow> {
  const [row] = await db.query<CreditFigureRow>(creditFiguresSql, [from, to, unitIds]);
  return row as CreditFigureRow;
}
