import type { Queryable } from '../../../db/client.ts';

/**
 * 简易程序: what the on-the-spot decision reads and writes besides the case insert (repos/new-case.ts): the party
 * as registered, the station, the penalties and the decision number.
 */

export interface SummaryEntityRow {
  id: number;
  name: string;
  uscc: string;
  address: string | null;
  legalRep: string | null;
  stationId: number | null;
}

/** The party as registered (its name, USCC and station are the register's, not the form's). */
export async function entityForSummary(q: Queryable, id: number): Promise<SummaryEntityRow | undefined> {
  const [row] = await q.query<SummaryEntityRow>(
    `SELECT id, name, uscc, address, legal_rep_name AS "legalRep", station_id AS "stationId"
       FROM entities WHERE id = $1`,
    [id],
  );
  return row;
}

export async function unitKind(q: Queryable, id: number): Promise<string | undefined> {
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM org_units WHERE id = $1 AND active', [id]);
  return row?.kind;
}

/** The penalties decided on the spot (a warning, a fine), at the standard discretion. */
export async function insertPenalties(
  q: Queryable,
  caseId: number,
  penalties: readonly { kind: string; amountFen: number }[],
): Promise<void> {
  await q.query(
    `INSERT INTO case_penalties (case_id, kind, amount_fen)
     SELECT $1, t.kind, t.amount_fen FROM unnest($2::text[], $3::bigint[]) AS t (kind, amount_fen)`,
    [caseId, penalties.map((p) => p.kind), penalties.map((p) => p.amountFen)],
  );
}

/** The decision number, once the document has taken it (the document needs the case to exist first). */
export async function setSummaryDecisionNo(q: Queryable, caseId: number, decisionNo: string): Promise<void> {
  await q.query(`UPDATE cases SET decision_no = $2 WHERE id = $1 AND procedure = 'summary'`, [caseId, decisionNo]);
}
