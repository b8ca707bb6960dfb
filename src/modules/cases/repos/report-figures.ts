import type { Queryable } from '../../../db/client.ts';

/**
 * 工作总结: cases filed (立案) and decided (处罚决定) in the period, the fines those decisions imposed and the fines
 * paid in the period (case_payments), all by the case's station.
 */
export const caseFiguresSql = `
SELECT (SELECT count(*) FROM cases c
         WHERE c.filed_on BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR c.station_id = ANY($3::bigint[])))::int AS "filed",
       (SELECT count(*) FROM cases c
         WHERE c.decided_on BETWEEN $1 AND $2 AND ($3::bigint[] IS NULL OR c.station_id = ANY($3::bigint[])))::int AS "decided",
       (SELECT coalesce(sum(p.amount_fen), 0) FROM case_penalties p JOIN cases c ON c.id = p.case_id
         WHERE p.kind = 'fine' AND c.decided_on BETWEEN $1 AND $2
           AND ($3::bigint[] IS NULL OR c.station_id = ANY($3::bigint[])))::bigint AS "finesFen",
       (SELECT coalesce(sum(pay.amount_fen), 0) FROM case_payments pay JOIN cases c ON c.id = pay.case_id
         WHERE pay.kind = 'fine' AND pay.paid_on BETWEEN $1 AND $2
           AND ($3::bigint[] IS NULL OR c.station_id = ANY($3::bigint[])))::bigint AS "paidFen"`;

export interface CaseFigureRow {
  filed: number;
  decided: number;
  finesFen: string | number;
  paidFen: string | number;
}

export async function caseFigures(
  db: Queryable,
  from: string,
  to: string,
  unitIds: readonly number[] | null,
): Promise<CaseFigureRow> {
  const [row] = await db.query<CaseFigureRow>(caseFiguresSql, [from, to, unitIds]);
  return row as CaseFigureRow;
}
