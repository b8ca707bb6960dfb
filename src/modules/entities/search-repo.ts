import type { Queryable } from '../../db/client.ts';
import { escapeLike, type Where } from '../../db/sql.ts';
import { bigramTsquery } from '../../domain/bigrams.ts';

/** An entity as the header search shows it: no phone, the ID number only masked. */
export interface EntityHitRow {
  id: number;
  uscc: string;
  name: string;
  legalRepName: string | null;
  legalRepIdMasked: string | null;
  stationName: string;
  status: string;
}

const hitColumns = `e.id, e.uscc, e.name, e.legal_rep_name AS "legalRepName",
  e.legal_rep_id_masked AS "legalRepIdMasked", o.name AS "stationName", e.status`;

async function hits(db: Queryable, w: Where, limit: number): Promise<EntityHitRow[]> {
  const lim = w.param(limit);
  return db.query<EntityHitRow>(
    `SELECT ${hitColumns} FROM entities e JOIN org_units o ON o.id = e.station_id ${w} LIMIT ${lim}`,
    w.params,
  );
}

/** By USCC and/or the legal representative's ID lookup hash (both exact, both indexed). */
export function entitiesByCode(
  db: Queryable,
  readable: Where,
  by: { uscc?: string; idHash?: string },
  limit: number,
): Promise<EntityHitRow[]> {
  const tests: string[] = [];
  const values: string[] = [];
  if (by.uscc) tests.push('e.uscc = ?') && values.push(by.uscc);
  if (by.idHash) tests.push('e.legal_rep_id_hash = ?') && values.push(by.idHash);
  if (!tests.length) return Promise.resolve([]);
  return hits(db, readable.add(`(${tests.join(' OR ')})`, ...values), limit);
}

/**
 * Names holding the fragment, in no particular order: the bigram index and the LIKE recheck as in the list
 * (repo.ts entityWhere), but without ORDER BY, so a frequent fragment stops after `limit` matches instead of
 * sorting all of them (餐饮: 50 k rows at 1 M). The caller ranks the few it gets.
 */
export function entitiesByName(db: Queryable, readable: Where, fragment: string, limit: number) {
  const tsquery = bigramTsquery(fragment);
  if (!tsquery) return Promise.resolve([]);
  return hits(
    db,
    readable.add('e.name_bigrams @@ ?::tsquery AND e.name LIKE ?', tsquery, `%${escapeLike(fragment)}%`),
    limit,
  );
}

/** Entities whose legal representative bears exactly this name (entities_legal_rep_name_idx). */
export function entitiesByLegalRep(db: Queryable, readable: Where, name: string, limit: number) {
  return hits(db, readable.add('e.legal_rep_name = ?', name), limit);
}
