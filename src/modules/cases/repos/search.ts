import type { Queryable } from '../../../db/client.ts';
import { escapeLike, type Where } from '../../../db/sql.ts';
import { bigramTsquery } from '../../../domain/bigrams.ts';

export interface CaseHitRow {
  id: number;
  caseNo: string | null;
  decisionNo: string | null;
  title: string;
  partyName: string;
  status: string;
  stationName: string;
}

const hitColumns = `c.id, c.case_no AS "caseNo", c.decision_no AS "decisionNo", c.title, c.party_name AS "partyName",
  c.status, u.name AS "stationName"`;

async function hits(db: Queryable, w: Where, limit: number): Promise<CaseHitRow[]> {
  const lim = w.param(limit);
  return db.query<CaseHitRow>(
    `SELECT ${hitColumns} FROM cases c JOIN org_units u ON u.id = c.station_id ${w} ORDER BY c.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/**
 * Cases whose 立案号 or 决定书文号 ends with `number` (南海市监立〔2026〕12号, or only 〔2026〕12号): a prefix
 * match on the reversed numbers (cases_case_no_reverse_idx, cases_decision_no_reverse_idx).
 */
export async function casesByNumber(db: Queryable, readable: Where, number: string, limit: number) {
  const pattern = `${escapeLike([...number].reverse().join(''))}%`;
  const w = readable.add('(reverse(c.case_no) LIKE ? OR reverse(c.decision_no) LIKE ?)', pattern, pattern);
  // The matches are a handful (one number per bureau and kind): read them all and order here. With ORDER BY id
  // DESC LIMIT the planner walked the primary key newest first testing every case (its estimate of the LIKE is
  // far too high): 120 ms at 30 k cases against a few for the two indexes.
  const rows = await db.query<CaseHitRow>(
    `SELECT ${hitColumns} FROM cases c JOIN org_units u ON u.id = c.station_id ${w}`,
    w.params,
  );
  return rows.sort((a, b) => b.id - a.id).slice(0, limit);
}

/** Cases whose party's name holds the fragment (cases_party_bigrams_idx, as the case list searches). */
export function casesByParty(db: Queryable, readable: Where, fragment: string, limit: number) {
  const tsquery = bigramTsquery(fragment);
  if (!tsquery) return Promise.resolve([]);
  return hits(
    db,
    readable.add('c.party_bigrams @@ ?::tsquery AND c.party_name LIKE ?', tsquery, `%${escapeLike(fragment)}%`),
    limit,
  );
}

/** Cases against the party with this USCC (cases_party_uscc index). */
export function casesByPartyUscc(db: Queryable, readable: Where, uscc: string, limit: number) {
  return hits(db, readable.add('c.party_uscc = ?', uscc), limit);
}
